// Dispatcher: the async_dispatcher_t operations — tasks, waits on Zircon handles, sequence ids
// (interrupts and packets are in dispatcher_irq.cc).
#include <sys/timerfd.h>
#include <unistd.h>
#include <zircon/syscalls.h>

#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/fdf/poller.h"

namespace fdf_internal {

// ---- Request pool ----
// Tasks and waits are user structs; the dispatcher's request for each lives in a pool and is found
// again through async_state_t {pool index + 1, generation}, which rejects forged or stale state.

CallbackRequest* Dispatcher::AllocateRequestLocked(CallbackRequest::Kind kind, void* target) {
  CallbackRequest* request = free_requests_.pop_front();
  if (request == nullptr) {
    request_pool_.emplace_back();
    request = &request_pool_.back();
    request->pool_index = static_cast<uint32_t>(request_pool_.size() - 1);
  }
  request->generation++;
  request->kind = kind;
  request->target = target;
  request->dispatcher = this;
  request->status = ZX_OK;
  request->payload = {};
  request->poller_key = 0;
  return request;
}

void Dispatcher::FreeRequestLocked(CallbackRequest* request) {
  request->generation++;  // invalidates the state stored in the user's struct
  request->target = nullptr;
  free_requests_.push_back(request);
}

CallbackRequest* Dispatcher::LookupRequestLocked(const async_state_t& state, void* target) {
  uintptr_t index = state.reserved[0];
  if (index == 0 || index > request_pool_.size()) return nullptr;
  CallbackRequest* request = &request_pool_[index - 1];
  if (request->generation != state.reserved[1] || request->target != target) return nullptr;
  return request;
}

// ---- Tasks ----

void Dispatcher::EnsureTimer() {
  std::call_once(timer_once_, [this] {
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    timer_key_ = Poller::Get().AddTimer(timer_fd_, &Dispatcher::OnTimer, this);
  });
}

void Dispatcher::ArmTimerLocked() {
  zx_time_t deadline =
      (state_ == State::kRunning && !delayed_.empty()) ? delayed_.front()->deadline
                                                       : ZX_TIME_INFINITE;
  if (deadline == timer_deadline_ || timer_fd_ < 0) return;
  timer_deadline_ = deadline;
  itimerspec spec{};
  if (deadline != ZX_TIME_INFINITE) {
    zx_time_t at = deadline > 0 ? deadline : 1;
    spec.it_value.tv_sec = at / 1000000000;
    spec.it_value.tv_nsec = at % 1000000000;
  }
  timerfd_settime(timer_fd_, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void Dispatcher::OnTimer(void* context, zx_signals_t) {
  auto* self = static_cast<Dispatcher*>(context);
  MutexLock lock(&self->mu_);
  if (self->state_ != State::kRunning) return;
  zx_time_t now = zx_clock_get_monotonic();
  while (CallbackRequest* r = self->delayed_.front()) {
    if (r->deadline > now) break;
    self->delayed_.erase(r);
    self->MakeReadyLocked(r);
  }
  self->timer_deadline_ = ZX_TIME_INFINITE - 1;  // force re-arming
  self->ArmTimerLocked();
}

void Dispatcher::InvokeTask(void* target, Dispatcher* d, zx_status_t status,
                            const CallbackRequest::Payload&) {
  auto* task = static_cast<async_task_t*>(target);
  task->handler(d, task, status);
}

zx_status_t Dispatcher::PostTask(async_task_t* task) {
  if (task == nullptr || task->deadline == ZX_TIME_INFINITE) return ZX_ERR_INVALID_ARGS;
  zx_time_t now = zx_clock_get_monotonic();
  if (task->deadline > now) EnsureTimer();
  MutexLock lock(&mu_);
  if (state_ != State::kRunning) return ZX_ERR_BAD_STATE;
  CallbackRequest* request = AllocateRequestLocked(CallbackRequest::Kind::kTask, task);
  request->invoke = &Dispatcher::InvokeTask;
  request->deadline = task->deadline;
  task->state.reserved[0] = request->pool_index + 1;
  task->state.reserved[1] = request->generation;
  if (task->deadline <= now) {
    MakeReadyLocked(request);  // never inline
    return ZX_OK;
  }
  CallbackRequest* pos = delayed_.front();
  while (pos != nullptr && pos->deadline <= task->deadline) pos = delayed_.next(pos);
  request->where = CallbackRequest::Where::kDelayed;
  delayed_.insert(pos, request);
  if (delayed_.front() == request) ArmTimerLocked();
  return ZX_OK;
}

zx_status_t Dispatcher::CancelTask(async_task_t* task) {
  if (task == nullptr) return ZX_ERR_INVALID_ARGS;
  MutexLock lock(&mu_);
  CallbackRequest* request = LookupRequestLocked(task->state, task);
  if (request == nullptr) return ZX_ERR_NOT_FOUND;
  using Where = CallbackRequest::Where;
  switch (request->where) {
    case Where::kReady: ready_.erase(request); break;
    case Where::kDelayed: delayed_.erase(request); break;
    case Where::kShutdown: shutdown_.erase(request); break;
    default: return ZX_ERR_NOT_FOUND;
  }
  request->where = Where::kNone;
  FreeRequestLocked(request);
  if (state_ == State::kShuttingDown) ScheduleLocked();
  NotifyIfIdleLocked();
  return ZX_OK;
}

// ---- Waits ----

void Dispatcher::InvokeWait(void* target, Dispatcher* d, zx_status_t status,
                            const CallbackRequest::Payload& payload) {
  auto* wait = static_cast<async_wait_t*>(target);
  zx_packet_signal_t signal{wait->trigger, payload.observed, 1, 0, 0};
  wait->handler(d, wait, status, status == ZX_OK ? &signal : nullptr);
}

void Dispatcher::OnWaitSignalled(void* context, zx_signals_t observed) {
  auto* request = static_cast<CallbackRequest*>(context);
  Dispatcher* self = request->dispatcher;
  MutexLock lock(&self->mu_);
  if (request->where != CallbackRequest::Where::kRegistered) return;
  self->registered_.erase(request);
  --self->pending_waits_;
  request->payload.observed = observed;
  request->status = ZX_OK;
  if (self->state_ == State::kRunning) {
    self->MakeReadyLocked(request);
  } else {
    request->where = CallbackRequest::Where::kShutdown;
    self->shutdown_.push_back(request);
    self->ScheduleLocked();
  }
}

zx_status_t Dispatcher::BeginWait(async_wait_t* wait) {
  if (wait == nullptr) return ZX_ERR_INVALID_ARGS;
  return BeginPollerRequest(CallbackRequest::Kind::kWait, wait, &wait->state,
                            &Dispatcher::InvokeWait, wait->object, wait->trigger);
}

zx_status_t Dispatcher::BeginPollerRequest(CallbackRequest::Kind kind, void* target,
                                           async_state_t* state, CallbackRequest::Invoke invoke,
                                           zx_handle_t object, zx_signals_t trigger) {
  CallbackRequest* request;
  uint32_t generation;
  {
    MutexLock lock(&mu_);
    if (state_ != State::kRunning) return ZX_ERR_BAD_STATE;
    if (LookupRequestLocked(*state, target) != nullptr) return ZX_ERR_ALREADY_EXISTS;
    request = AllocateRequestLocked(kind, target);
    generation = request->generation;
    request->invoke = invoke;
    RegisterForPollerLocked(request);
    state->reserved[0] = request->pool_index + 1;
    state->reserved[1] = request->generation;
  }
  zx_status_t status =
      ArmPollerWait(request, generation, object, trigger, &Dispatcher::OnWaitSignalled);
  if (status != ZX_OK) {
    MutexLock lock(&mu_);
    FreeRequestLocked(request);
    *state = ASYNC_STATE_INIT;
  }
  return status;
}

void Dispatcher::RegisterForPollerLocked(CallbackRequest* request) {
  request->where = CallbackRequest::Where::kRegistered;
  request->poller_key = 0;  // a re-armed irq's old key is dead
  registered_.push_back(request);
  ++pending_waits_;
}

zx_status_t Dispatcher::ArmPollerWait(CallbackRequest* request, uint32_t generation,
                                      zx_handle_t object, zx_signals_t trigger,
                                      Poller::Fire fire) {
  uint64_t key = 0;
  zx_status_t status = Poller::Get().AddWait(object, trigger, fire, request, &key);
  RaceHookPoint(RacePoint::kArmAfterAddWait);
  MutexLock lock(&mu_);
  if (status != ZX_OK) {
    // Never in the poller, so nothing but this call moved it: still registered, key 0.
    registered_.erase(request);
    --pending_waits_;
    request->where = CallbackRequest::Where::kNone;
    if (state_ == State::kShuttingDown) ScheduleLocked();
    return status;
  }
  // AddWait fires a wait whose signal is already up: by now it may have run, been freed and been
  // reused for another wait, whose key this one must not overwrite.
  if (request->generation != generation || request->where != CallbackRequest::Where::kRegistered) {
    return ZX_OK;
  }
  request->poller_key = key;
  if (state_ != State::kRunning) {
    // Shutdown began while the wait was being added and could not remove it: do it now.
    mu_.Unlock();
    if (Poller::Get().Remove(key)) ShutdownRemovedWait(request, generation);
    mu_.Lock();
  }
  return ZX_OK;
}

zx_status_t Dispatcher::CancelWait(async_wait_t* wait) {
  if (wait == nullptr) return ZX_ERR_INVALID_ARGS;
  MutexLock lock(&mu_);
  CallbackRequest* request = LookupRequestLocked(wait->state, wait);
  if (request == nullptr) return ZX_ERR_NOT_FOUND;
  zx_status_t status = WithdrawLocked(request);
  return status == ZX_ERR_SHOULD_WAIT ? ZX_ERR_NOT_FOUND : status;
}

zx_status_t Dispatcher::WithdrawLocked(CallbackRequest* request) {
  using Where = CallbackRequest::Where;
  bool removed_from_poller = false;
  if (request->where == Where::kRegistered) {
    uint64_t key = request->poller_key;
    if (key == 0) return ZX_ERR_SHOULD_WAIT;
    uint32_t generation = request->generation;
    mu_.Unlock();
    RaceHookPoint(RacePoint::kWithdrawBeforeRemove);
    removed_from_poller = Poller::Get().Remove(key);
    mu_.Lock();
    // Not removed: it fired meanwhile. It is ready or awaiting shutdown, or (a new generation) it
    // already ran and the slot now holds another wait, which is not this call's to withdraw.
    if (!removed_from_poller && request->generation != generation) return ZX_ERR_NOT_FOUND;
  }
  if (removed_from_poller) {
    registered_.erase(request);
    --pending_waits_;
  } else {
    switch (request->where) {
      case Where::kReady: ready_.erase(request); break;
      case Where::kShutdown: shutdown_.erase(request); break;
      default: return ZX_ERR_NOT_FOUND;
    }
  }
  request->where = Where::kNone;
  FreeRequestLocked(request);
  if (state_ == State::kShuttingDown) ScheduleLocked();
  NotifyIfIdleLocked();
  return ZX_OK;
}

// ---- Sequence ids ----

zx_status_t Dispatcher::GetSequenceId(async_sequence_id_t* out_id, const char** out_error) {
  const char* ignored;
  if (out_error == nullptr) out_error = &ignored;
  if (unsynchronized()) {
    *out_error = "UNSYNCHRONIZED dispatchers do not have sequence ids";
    return ZX_ERR_WRONG_TYPE;
  }
  Dispatcher* current = driver_context::CurrentDispatcher();
  if (current == nullptr) {
    *out_error = "the calling thread is not managed by a driver dispatcher";
    return ZX_ERR_INVALID_ARGS;
  }
  if (current != this) {
    *out_error = "mismatched dispatcher: multiple driver dispatchers detected";
    return ZX_ERR_INVALID_ARGS;
  }
  out_id->value = sequence_id_;
  return ZX_OK;
}

zx_status_t Dispatcher::CheckSequenceId(async_sequence_id_t id, const char** out_error) {
  async_sequence_id_t current;
  zx_status_t status = GetSequenceId(&current, out_error);
  if (status != ZX_OK) return status;
  if (current.value != id.value) {
    if (out_error) *out_error = "access from a different sequence";
    return ZX_ERR_OUT_OF_RANGE;
  }
  return ZX_OK;
}

// ---- async_ops_t table ----

namespace {
Dispatcher* D(async_dispatcher_t* d) { return Dispatcher::Downcast(d); }
}  // namespace

extern const async_ops_t kDispatcherOps = {
    .version = ASYNC_OPS_V2,
    .reserved = 0,
    .v1 =
        {
            .now = [](async_dispatcher_t*) { return zx_clock_get_monotonic(); },
            .begin_wait = [](async_dispatcher_t* d, async_wait_t* w) { return D(d)->BeginWait(w); },
            .cancel_wait = [](async_dispatcher_t* d,
                              async_wait_t* w) { return D(d)->CancelWait(w); },
            .post_task = [](async_dispatcher_t* d, async_task_t* t) { return D(d)->PostTask(t); },
            .cancel_task = [](async_dispatcher_t* d,
                              async_task_t* t) { return D(d)->CancelTask(t); },
            .queue_packet = [](async_dispatcher_t* d, async_receiver_t* r,
                               const zx_packet_user_t* data) { return D(d)->QueuePacket(r, data); },
            .set_guest_bell_trap = nullptr,
            .bind_irq = [](async_dispatcher_t* d, async_irq_t* irq) { return D(d)->BindIrq(irq); },
            .unbind_irq = [](async_dispatcher_t* d,
                             async_irq_t* irq) { return D(d)->UnbindIrq(irq); },
            .create_paged_vmo = nullptr,
            .detach_paged_vmo = nullptr,
        },
    .v2 =
        {
            .get_sequence_id = [](async_dispatcher_t* d, async_sequence_id_t* id,
                                  const char** e) { return D(d)->GetSequenceId(id, e); },
            .check_sequence_id = [](async_dispatcher_t* d, async_sequence_id_t id,
                                    const char** e) { return D(d)->CheckSequenceId(id, e); },
        },
};

}  // namespace fdf_internal
