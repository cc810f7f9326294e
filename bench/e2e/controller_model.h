// The sdmmc controller's hardware model, the same in every variant: Queue appends to a hardware
// queue; when no interrupt is pending it raises one (posts ONE task to the controller's own
// dispatcher); that task drains the queue, moving each request's data (RamCard::Transfer) and
// completing it, until the queue is empty.
#ifndef FDFKIT_BENCH_E2E_CONTROLLER_MODEL_H_
#define FDFKIT_BENCH_E2E_CONTROLLER_MODEL_H_

#include <lib/async/task.h>
#include <lib/fdf/dispatcher.h>
#include <zircon/types.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include "corpus/drivers/block-stack/common/block_layers.h"

namespace fdfkit::bench::e2e {

namespace bs = examples::block_stack;

// The hardware queue. `Pending` is the transport's way of completing a request (a banjo callback
// and cookie, a FIDL completer). Thread-safe: banjo callers queue from any thread.
template <typename Pending>
class HardwareQueue {
 public:
  HardwareQueue() {
    queue_.reserve(64);
    draining_.reserve(64);
  }

  // True when the caller must raise the interrupt (none is pending).
  bool Push(const bs::BlockRequest& request, Pending pending) {
    std::lock_guard lock(mu_);
    queue_.emplace_back(request, std::move(pending));
    if (interrupt_pending_) return false;
    interrupt_pending_ = true;
    return true;
  }

  // The interrupt: `complete(Pending&, zx_status_t)` for each request, outside the lock, until
  // the queue is empty.
  template <typename Complete>
  void Drain(bs::RamCard& card, Complete&& complete) {
    for (;;) {
      {
        std::lock_guard lock(mu_);
        if (queue_.empty()) {
          interrupt_pending_ = false;
          return;
        }
        std::swap(queue_, draining_);
      }
      for (auto& [request, pending] : draining_) complete(pending, card.Transfer(request));
      draining_.clear();
    }
  }

 private:
  std::mutex mu_;
  bool interrupt_pending_ = false;
  std::vector<std::pair<bs::BlockRequest, Pending>> queue_;
  std::vector<std::pair<bs::BlockRequest, Pending>> draining_;
};

// The interrupt line: one task, reused (posting allocates nothing), run on the controller's
// dispatcher. A posted task never runs inline (rule H2), in any variant.
template <typename Owner, void (Owner::*Fire)()>
class Interrupt : async_task_t {
 public:
  Interrupt(Owner* owner, fdf_dispatcher_t* dispatcher)
      : async_task_t{async_state_t{}, &Handle, 0},
        owner_(owner),
        dispatcher_(fdf_dispatcher_get_async_dispatcher(dispatcher)) {}

  void Raise() {
    // The previous run may still be returning; the runtime does not touch the task after calling
    // its handler, and a synchronized dispatcher runs the new post after it.
    state = async_state_t{};
    if (async_post_task(dispatcher_, this) != ZX_OK) {
      std::fprintf(stderr, "e2e: controller interrupt lost (dispatcher down)\n");
      std::abort();
    }
  }

 private:
  static void Handle(async_dispatcher_t*, async_task_t* task, zx_status_t status) {
    auto* self = static_cast<Interrupt*>(task);
    if (status == ZX_OK) (self->owner_->*Fire)();
  }
  Owner* owner_;
  async_dispatcher_t* dispatcher_;
};

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_CONTROLLER_MODEL_H_
