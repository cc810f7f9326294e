// Driver runtime (fdf) scalar types and option bits.
#ifndef LIB_FDF_TYPES_H_
#define LIB_FDF_TYPES_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// fdf handle values end in 0b10 (Zircon handles end in 0b11); FDF_HANDLE_INVALID is 0.
typedef uint32_t fdf_handle_t;
#define FDF_HANDLE_INVALID ((fdf_handle_t)0)
#define FDF_HANDLE_FIXED_BITS_MASK ((fdf_handle_t)0x3)
#define FDF_HANDLE_FIXED_BITS_VALUE ((fdf_handle_t)0x2)

// Transaction id of fdf_channel_call: the first four bytes of the message.
typedef uint32_t fdf_txid_t;

typedef uint32_t fdf_arena_tag_t;
typedef struct fdf_arena fdf_arena_t;
typedef struct fdf_dispatcher fdf_dispatcher_t;

// Dispatcher options.
#define FDF_DISPATCHER_OPTION_SYNCHRONIZATION_MASK ((uint32_t)1u << 0)
#define FDF_DISPATCHER_OPTION_SYNCHRONIZED ((uint32_t)0u << 0)
#define FDF_DISPATCHER_OPTION_UNSYNCHRONIZED ((uint32_t)1u << 0)
#define FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS ((uint32_t)1u << 1)

typedef struct fdf_channel_call_args {
  fdf_arena_t* wr_arena;
  void* wr_data;
  uint32_t wr_num_bytes;
  zx_handle_t* wr_handles;
  uint32_t wr_num_handles;

  fdf_arena_t** rd_arena;
  void** rd_data;
  uint32_t* rd_num_bytes;
  zx_handle_t** rd_handles;
  uint32_t* rd_num_handles;
} fdf_channel_call_args_t;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_TYPES_H_
