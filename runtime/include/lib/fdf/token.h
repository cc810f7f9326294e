// Tokens: hand an fdf channel to another driver through a pair of Zircon channel "tokens".
#ifndef LIB_FDF_TOKEN_H_
#define LIB_FDF_TOKEN_H_

#include <lib/fdf/dispatcher.h>
#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fdf_token fdf_token_t;

// Called once: ZX_OK with the transferred handle, or ZX_ERR_CANCELED with FDF_HANDLE_INVALID (the
// dispatcher shut down or the peer token was closed without a transfer).
typedef void(fdf_token_transfer_handler_t)(fdf_dispatcher_t* dispatcher, fdf_token_t* token,
                                           zx_status_t status, fdf_handle_t handle);

struct fdf_token {
  fdf_token_transfer_handler_t* handler;
};

// Consumes `token`. ZX_OK; ZX_ERR_BAD_HANDLE (not a Zircon channel); ZX_ERR_INVALID_ARGS (NULL
// dispatcher or handler); ZX_ERR_BAD_STATE (dispatcher not running, or `handler` already
// registered).
zx_status_t fdf_token_register(zx_handle_t token, fdf_dispatcher_t* dispatcher,
                               fdf_token_t* handler);

// Consumes `token` and `handle`; the registrant of the peer token receives `handle`.
// ZX_OK; ZX_ERR_BAD_HANDLE (token not a Zircon channel, or `handle` not a live fdf handle).
zx_status_t fdf_token_transfer(zx_handle_t token, fdf_handle_t handle);

// Synchronous alternative to register: consumes `token` on success.
// ZX_OK; ZX_ERR_BAD_HANDLE; ZX_ERR_INVALID_ARGS (NULL out); ZX_ERR_NOT_FOUND (no transfer yet; the
// token is left open).
zx_status_t fdf_token_receive(zx_handle_t token, fdf_handle_t* out_handle);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_TOKEN_H_
