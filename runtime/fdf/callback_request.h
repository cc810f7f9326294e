// A unit of work a dispatcher delivers exactly once: a channel read, a posted task, a signalled
// wait, a user packet, or one trigger of a bound interrupt. Its `where` field (guarded by the
// owning dispatcher's lock) is the single source of truth for cancellation: registered, ready,
// running or waiting for shutdown.
#ifndef FDFKIT_RUNTIME_FDF_CALLBACK_REQUEST_H_
#define FDFKIT_RUNTIME_FDF_CALLBACK_REQUEST_H_

#include <zircon/types.h>

#include <cstdint>

#include "runtime/fdf/intrusive_list.h"

namespace fdf_internal {

class Dispatcher;

struct CallbackRequest : ListNode {
  enum class Kind : uint8_t { kChannelRead, kTask, kWait, kIrq, kPacket };
  enum class Where : uint8_t {
    kNone,        // idle (free, or owned by its creator)
    kRegistered,  // known to the dispatcher, waiting for an event (read, signal)
    kDelayed,     // a task whose deadline has not come
    kReady,       // in the ready queue
    kRunning,     // taken for dispatch; can no longer be cancelled
    kShutdown,    // will be delivered with ZX_ERR_CANCELED when shutdown completes
  };
  // Data a callback carries besides its status (copied out before the request can be reused).
  union Payload {
    zx_signals_t observed;   // waits
    zx_time_t timestamp;     // interrupts
    zx_packet_user_t user;   // packets
    void* taken_read;        // channel reads run inline: the fdf_channel_read_t already taken
  };
  // Runs the callback; `target` is the channel, task, wait, irq or receiver the request belongs to.
  using Invoke = void (*)(void* target, Dispatcher* dispatcher, zx_status_t status,
                          const Payload& payload);

  Kind kind = Kind::kChannelRead;
  Where where = Where::kNone;
  zx_status_t status = ZX_OK;
  Payload payload{};
  Invoke invoke = nullptr;
  void* target = nullptr;
  Dispatcher* dispatcher = nullptr;  // the dispatcher it is delivered on (waits fired by the poller)
  zx_time_t deadline = 0;
  // Pooled requests (tasks, waits): slot in the dispatcher's pool and its reuse generation.
  uint32_t pool_index = 0;
  uint32_t generation = 0;
  uint64_t poller_key = 0;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_CALLBACK_REQUEST_H_
