// Dispatcher core: the inline-or-queue decision, batch dispatch and shutdown.
#include "runtime/fdf/dispatcher.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "runtime/fdf/coordinator.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/fdf/poller.h"
#include "runtime/fdf/thread_pool.h"

namespace fdf_internal {

namespace {
// Callbacks one pool wake-up dispatches before yielding the thread to other dispatchers.
constexpr int kBatchSize = 10;
std::atomic<uint64_t> g_next_sequence_id{1};
}  // namespace

extern const async_ops_t kDispatcherOps;

Dispatcher::Dispatcher(const void* owner, uint32_t options, std::string_view name,
                       fdf_dispatcher_shutdown_observer_t* observer)
    : owner_(owner),
      options_(options),
      name_(name.substr(0, ZX_MAX_NAME_LEN - 1)),
      observer_(observer),
      sequence_id_(g_next_sequence_id.fetch_add(1)) {
  ops = &kDispatcherOps;
}

Dispatcher::~Dispatcher() {
  if (timer_fd_ >= 0) close(timer_fd_);
}

zx_status_t Dispatcher::Create(const void* owner, uint32_t options, std::string_view name,
                               fdf_dispatcher_shutdown_observer_t* observer, Dispatcher** out) {
  if (out == nullptr || owner == nullptr) return ZX_ERR_INVALID_ARGS;
  constexpr uint32_t kKnown =
      FDF_DISPATCHER_OPTION_SYNCHRONIZATION_MASK | FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS;
  if (options & ~kKnown) return ZX_ERR_INVALID_ARGS;
  if ((options & FDF_DISPATCHER_OPTION_UNSYNCHRONIZED) &&
      (options & FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS)) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  auto* dispatcher = new Dispatcher(owner, options, name, observer);
  zx_status_t status = Coordinator::Get().AddDispatcher(dispatcher);
  if (status != ZX_OK) {
    dispatcher->Release();
    return status;
  }
  if (dispatcher->allows_sync_calls()) ThreadPool::Get().AddBlockingDispatcher();
  *out = dispatcher;
  return ZX_OK;
}

Dispatcher* Dispatcher::Downcast(async_dispatcher_t* d) {
  if (d == nullptr || d->ops != &kDispatcherOps) {
    fprintf(stderr, "fdf: async dispatcher %p is not an fdf dispatcher\n", static_cast<void*>(d));
    abort();
  }
  return static_cast<Dispatcher*>(static_cast<fdf_dispatcher*>(d));
}

// ---- Scheduling ----

void Dispatcher::ScheduleLocked(bool here) {
  if (scheduled_) return;
  // A busy synchronized dispatcher is rescheduled when its callback ends.
  if (!unsynchronized() && dispatching_ && state_ == State::kRunning) return;
  scheduled_ = true;
  AddRef();  // released by Run()
  if (here) {
    ThreadPool::Get().Continue(this);
  } else {
    ThreadPool::Get().Enqueue(this);
  }
}

void Dispatcher::MakeReadyLocked(CallbackRequest* request) {
  request->where = CallbackRequest::Where::kReady;
  ready_.push_back(request);
  ScheduleLocked();
}

void Dispatcher::BeginCallbackLocked() {
  if (!unsynchronized()) dispatching_ = true;
  ++active_callbacks_;
}

void Dispatcher::EndCallbackLocked(bool reschedule) {
  if (!unsynchronized()) dispatching_ = false;
  --active_callbacks_;
  if (reschedule && (!ready_.empty() || state_ == State::kShuttingDown)) ScheduleLocked();
  NotifyIfIdleLocked();
}

bool Dispatcher::IsIdleLocked() {
  return active_callbacks_ == 0 && ready_.empty() && state_ != State::kShuttingDown;
}

bool Dispatcher::CanRunInlineLocked(const CallbackRequest* request) {
  if (request->kind == CallbackRequest::Kind::kTask) return false;
  if (!unsynchronized() && (dispatching_ || allows_sync_calls())) return false;
  // A thread running no driver is not a driver context: never inline from it.
  if (driver_context::IsEmpty()) return false;
  return !driver_context::IsDriverInCallStack(owner_);
}

Dispatcher::ReadyCallback Dispatcher::TakeLocked(CallbackRequest* request) {
  ReadyCallback callback{request->invoke, request->target, request->status, request->payload,
                         request};
  request->where = CallbackRequest::Where::kRunning;
  // Reads belong to their channel; a bound irq keeps its request until it is unbound.
  bool keep = request->kind == CallbackRequest::Kind::kChannelRead ||
              (request->kind == CallbackRequest::Kind::kIrq && state_ == State::kRunning);
  if (!keep) FreeRequestLocked(request);
  return callback;
}

void Dispatcher::Invoke(const ReadyCallback& callback) {
  driver_context::Push(owner_, this);
  callback.invoke(callback.target, this, callback.status, callback.payload);
  driver_context::Pop();
}

// ---- Channel reads ----

bool Dispatcher::RegisterRead(CallbackRequest* request) {
  MutexLock lock(&mu_);
  if (state_ != State::kRunning) return false;
  request->dispatcher = this;
  request->where = CallbackRequest::Where::kRegistered;
  registered_.push_back(request);
  return true;
}

bool Dispatcher::ReadyFromChannel(CallbackRequest* request, zx_status_t status) {
  MutexLock lock(&mu_);
  if (request->where != CallbackRequest::Where::kRegistered) return false;  // e.g. shutting down
  registered_.erase(request);
  request->status = status;
  if (CanRunInlineLocked(request)) {
    request->where = CallbackRequest::Where::kRunning;
    BeginCallbackLocked();
    return true;
  }
  MakeReadyLocked(request);
  return false;
}

void Dispatcher::RunInline(CallbackRequest* request) {
  // The request is marked running: nothing else reads or writes it until it is invoked.
  Invoke({request->invoke, request->target, request->status, request->payload, request});
  MutexLock lock(&mu_);
  EndCallbackLocked();
}

zx_status_t Dispatcher::CancelRead(CallbackRequest* request, bool* removed) {
  MutexLock lock(&mu_);
  *removed = false;
  using Where = CallbackRequest::Where;
  switch (request->where) {
    case Where::kRegistered:
    case Where::kReady:
      if (!unsynchronized()) {
        (request->where == Where::kRegistered ? registered_ : ready_).erase(request);
        request->where = Where::kNone;
        *removed = true;
        NotifyIfIdleLocked();
        return ZX_OK;
      }
      // Unsynchronized: the handler runs once more, with ZX_ERR_CANCELED.
      request->status = ZX_ERR_CANCELED;
      if (request->where == Where::kRegistered) {
        registered_.erase(request);
        MakeReadyLocked(request);
      }
      return ZX_OK;
    case Where::kShutdown:
      // Synchronized: removed even while shutdown delivers its CANCELED callbacks (it takes them
      // one at a time under this lock), so OK always means the handler never runs (D8).
      if (!unsynchronized()) {
        shutdown_.erase(request);
        request->where = Where::kNone;
        *removed = true;
        if (!completing_shutdown_) ScheduleLocked();  // shutdown may be able to complete now
      }
      return ZX_OK;
    default:
      return ZX_ERR_NOT_FOUND;
  }
}

// ---- Dispatch ----

void Dispatcher::Run() {
  if (DispatchReady()) MaybeCompleteShutdown();
  Release();
}

bool Dispatcher::DispatchReady() {
  mu_.Lock();
  scheduled_ = false;
  bool async_operation_ran = false;
  for (int n = 0; n < kBatchSize && state_ == State::kRunning && !async_operation_ran; ++n) {
    if (!unsynchronized() && dispatching_) break;
    CallbackRequest* request = ready_.front();
    if (request == nullptr) break;
    // Synchronized: a task, wait, irq or packet runs in a batch of its own.
    if (!unsynchronized() && request->kind != CallbackRequest::Kind::kChannelRead) {
      if (n > 0) break;
      async_operation_ran = true;
    }
    ready_.pop_front();
    // Read before unlocking: other requests may be reused (and rewritten) once unlocked.
    bool is_irq = request->kind == CallbackRequest::Kind::kIrq;
    ReadyCallback callback = TakeLocked(request);
    BeginCallbackLocked();
    // More work: let another pool thread take it in parallel.
    if (unsynchronized() && !ready_.empty()) ScheduleLocked();
    mu_.Unlock();
    Invoke(callback);
    mu_.Lock();
    if (is_irq) FinishIrqLocked(callback.request);
    EndCallbackLocked(/*reschedule=*/false);
  }
  // Shutting down, Run() tries to complete right after this; what it may still wait for (a
  // callback on another thread, a poller wait) schedules the dispatcher when it ends. Scheduling
  // here too would spin a pool thread until then. The batch's own thread goes on with the rest
  // (handing it to another thread moves every cache line it touches for nothing).
  if (!ready_.empty()) ScheduleLocked(/*here=*/true);
  bool shutting_down = state_ == State::kShuttingDown;
  mu_.Unlock();
  return shutting_down;
}

// ---- Shutdown ----

void Dispatcher::ShutdownAsync() {
  // Poller waits to remove, with their key and generation read under the lock: a wait still being
  // armed (key 0) is removed by ArmPollerWait, which sees the new state.
  struct PollerWait {
    CallbackRequest* request;
    uint64_t key;
    uint32_t generation;
  };
  std::vector<PollerWait> waits;
  {
    MutexLock lock(&mu_);
    if (state_ != State::kRunning) return;
    state_ = State::kShuttingDown;
    for (CallbackRequest* r = registered_.front(); r != nullptr;) {
      CallbackRequest* next = registered_.next(r);
      if (r->kind == CallbackRequest::Kind::kWait || r->kind == CallbackRequest::Kind::kIrq) {
        if (r->poller_key != 0) waits.push_back({r, r->poller_key, r->generation});
      } else {
        registered_.erase(r);
        r->where = CallbackRequest::Where::kShutdown;
        shutdown_.push_back(r);
      }
      r = next;
    }
    for (IntrusiveList<CallbackRequest>* list : {&ready_, &delayed_}) {
      while (CallbackRequest* r = list->pop_front()) {
        r->where = CallbackRequest::Where::kShutdown;
        shutdown_.push_back(r);
      }
    }
    ArmTimerLocked();
    // Completion runs on a pool thread, never inside this call.
    ScheduleLocked();
  }
  for (const PollerWait& wait : waits) {
    if (Poller::Get().Remove(wait.key)) ShutdownRemovedWait(wait.request, wait.generation);
  }
}

void Dispatcher::ShutdownRemovedWait(CallbackRequest* request, uint32_t generation) {
  MutexLock lock(&mu_);
  // Removed from the poller, so it neither fired nor was withdrawn: still this registration.
  if (request->generation != generation ||
      request->where != CallbackRequest::Where::kRegistered) {
    fprintf(stderr, "fdf: poller wait of dispatcher '%s' changed while it was being removed\n",
            name_.c_str());
    abort();
  }
  registered_.erase(request);
  --pending_waits_;
  request->where = CallbackRequest::Where::kShutdown;
  shutdown_.push_back(request);
  ScheduleLocked();
}

void Dispatcher::MaybeCompleteShutdown() {
  mu_.Lock();
  if (state_ != State::kShuttingDown || completing_shutdown_ || active_callbacks_ > 0 ||
      !ready_.empty() || pending_waits_ > 0) {
    mu_.Unlock();
    return;
  }
  completing_shutdown_ = true;
  BeginCallbackLocked();
  // One at a time, so a cancelled handler may still cancel another pending request.
  while (CallbackRequest* request = shutdown_.pop_front()) {
    ReadyCallback callback = TakeLocked(request);
    callback.status = ZX_ERR_CANCELED;
    mu_.Unlock();
    Invoke(callback);
    mu_.Lock();
  }
  state_ = State::kShutDown;
  EndCallbackLocked(/*reschedule=*/false);
  mu_.Unlock();

  if (observer_ != nullptr) {
    driver_context::Push(owner_, this);
    observer_->handler(this, observer_);
    driver_context::Pop();
  }
  Coordinator::Get().OnDispatcherShutdown(this);
}

Dispatcher::State Dispatcher::state() {
  MutexLock lock(&mu_);
  return state_;
}

void Dispatcher::Destroy() {
  {
    MutexLock lock(&mu_);
    if (state_ != State::kShutDown) {
      fprintf(stderr, "fdf: dispatcher '%s' destroyed before its shutdown completed\n",
              name_.c_str());
      abort();
    }
    state_ = State::kDestroyed;
  }
  ReleaseResources();
}

bool Dispatcher::TryDestroy() {
  {
    MutexLock lock(&mu_);
    if (state_ != State::kShutDown) return false;
    state_ = State::kDestroyed;
  }
  ReleaseResources();
  return true;
}

void Dispatcher::ReleaseResources() {
  if (timer_key_ != 0) Poller::Get().Remove(timer_key_);
  if (allows_sync_calls()) ThreadPool::Get().RemoveBlockingDispatcher();
  Coordinator::Get().RemoveDispatcher(this);
  Release();  // the runtime's reference
}

bool Dispatcher::IsIdle() {
  MutexLock lock(&mu_);
  return IsIdleLocked();
}

void Dispatcher::WaitUntilIdle() {
  MutexLock lock(&mu_);
  ++idle_waiters_;
  WaitLocked(idle_cv_, mu_, [this]() NO_THREAD_SAFETY_ANALYSIS { return IsIdleLocked(); });
  --idle_waiters_;
}

int Dispatcher::idle_waiters_for_testing() {
  MutexLock lock(&mu_);
  return idle_waiters_;
}

bool Dispatcher::HasQueuedTasks() {
  MutexLock lock(&mu_);
  for (IntrusiveList<CallbackRequest>* list : {&ready_, &shutdown_}) {
    for (CallbackRequest* r = list->front(); r != nullptr; r = list->next(r)) {
      if (r->kind == CallbackRequest::Kind::kTask) return true;
    }
  }
  return false;
}

size_t Dispatcher::ready_count_for_testing() {
  MutexLock lock(&mu_);
  return ready_.size();
}

}  // namespace fdf_internal
