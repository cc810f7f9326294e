// Matches the two halves of a token exchange: the registrant of one Zircon channel end receives the
// fdf handle transferred through the other end. Keys are koids: the registrant's end, which the
// transferring side finds as its token's related koid.
//
// A registration is an async wait for PEER_CLOSED on the registrant's token, on the registrant's
// dispatcher: a transfer stores the handle and closes its token, which fires the wait; dispatcher
// shutdown cancels it. So every registration gets exactly one callback under the dispatcher's rules.
#ifndef FDFKIT_RUNTIME_FDF_TOKEN_MANAGER_H_
#define FDFKIT_RUNTIME_FDF_TOKEN_MANAGER_H_

#include <lib/async/wait.h>
#include <lib/fdf/token.h>

#include <unordered_map>
#include <unordered_set>

#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class Dispatcher;

class TokenManager {
 public:
  static TokenManager& Get();

  zx_status_t Register(zx_handle_t token, Dispatcher* dispatcher, fdf_token_t* handler)
      EXCLUDES(mu_);
  zx_status_t Transfer(zx_handle_t token, fdf_handle_t handle) EXCLUDES(mu_);
  zx_status_t Receive(zx_handle_t token, fdf_handle_t* out_handle) EXCLUDES(mu_);

 private:
  struct Registration {
    async_wait_t wait;  // first member: the wait handler recovers the registration from it
    zx_koid_t koid;
    zx_handle_t token;
    fdf_token_t* handler;
    fdf_handle_t handle = FDF_HANDLE_INVALID;  // set by the transfer
  };
  // A transferred handle waiting for its registrant. Its token is watched for PEER_CLOSED before
  // it is published (the token is still the transferring call's alone then), so no one can close
  // the token while it is being armed. Whoever erases it from `transfers_` owns it afterwards.
  struct PendingTransfer {
    zx_handle_t token;
    fdf_handle_t handle;
    zx_koid_t peer;
    uint64_t poller_key = 0;
    bool peer_closed = false;  // the watch fired before the transfer was published
  };
  static void OnRegistrationSignalled(async_dispatcher_t* dispatcher, async_wait_t* wait,
                                      zx_status_t status, const zx_packet_signal_t* signal);
  static void OnTransferPeerClosed(void* transfer, zx_signals_t);
  // After taking `transfer` out of `transfers_`: stops its watch (once Remove returns, its
  // callback has finished or never runs), closes its token and frees it. Returns its handle.
  static fdf_handle_t Retire(PendingTransfer* transfer);

  Mutex mu_;
  std::unordered_map<zx_koid_t, Registration*> registrations_ GUARDED_BY(mu_);
  std::unordered_map<zx_koid_t, PendingTransfer*> transfers_ GUARDED_BY(mu_);
  std::unordered_set<fdf_token_t*> handlers_ GUARDED_BY(mu_);
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_TOKEN_MANAGER_H_
