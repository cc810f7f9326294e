// fdf_dispatcher: runs a driver's callbacks under its threading rules.
//
// Synchronized: at most one callback at a time (a busy flag, not a pinned thread).
// Unsynchronized: callbacks may run in parallel on pool threads and inline.
// Allow-sync-calls: callbacks may block; such dispatchers are never run inline and each adds a
// pool thread (N+1 rule).
// A ready callback runs inline on the thread that made it ready when the dispatcher may take it
// (unsynchronized, or synchronized, idle and not allow-sync-calls; never a task) and the calling
// thread runs some driver other than this dispatcher's owner anywhere in its call stack.
// Otherwise it is queued and the dispatcher is scheduled on the pool.
#ifndef FDFKIT_RUNTIME_FDF_DISPATCHER_H_
#define FDFKIT_RUNTIME_FDF_DISPATCHER_H_

#include <lib/async/dispatcher.h>
#include <lib/async/irq.h>
#include <lib/async/receiver.h>
#include <lib/async/task.h>
#include <lib/async/wait.h>
#include <lib/fdf/dispatcher.h>

#include <condition_variable>
#include <deque>
#include <string>
#include <string_view>

#include "runtime/fdf/callback_request.h"
#include "runtime/fdf/intrusive_list.h"
#include "runtime/fdf/poller.h"
#include "runtime/fdf/race_hook.h"
#include "runtime/fdf/ref_counted.h"
#include "runtime/fdf/runnable.h"
#include "runtime/fdf/thread_annotations.h"

struct fdf_dispatcher : async_dispatcher_t {};

namespace fdf_internal {


class Dispatcher final : public fdf_dispatcher, public RefCounted<Dispatcher>, public Runnable {
 public:
  enum class State { kRunning, kShuttingDown, kShutDown, kDestroyed };

  // Creates a dispatcher owned by `owner` and registers it with the coordinator.
  static zx_status_t Create(const void* owner, uint32_t options, std::string_view name,
                            fdf_dispatcher_shutdown_observer_t* observer, Dispatcher** out);
  static Dispatcher* From(fdf_dispatcher_t* d) { return static_cast<Dispatcher*>(d); }
  // Aborts if `d` is not an fdf dispatcher.
  static Dispatcher* Downcast(async_dispatcher_t* d);

  const void* owner() const { return owner_; }
  uint32_t options() const { return options_; }
  bool unsynchronized() const { return options_ & FDF_DISPATCHER_OPTION_UNSYNCHRONIZED; }
  bool allows_sync_calls() const { return options_ & FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS; }
  const std::string& name() const { return name_; }

  // --- channel reads (called with the channel pair's lock held) ---
  // False if the dispatcher no longer runs.
  bool RegisterRead(CallbackRequest* request) EXCLUDES(mu_);
  // A registered read became ready with `status`. True if the caller must run it inline (after
  // dropping its locks) through RunInline.
  bool ReadyFromChannel(CallbackRequest* request, zx_status_t status) EXCLUDES(mu_);
  // Synchronized: removes a pending read (`*removed`, the handler will not run). Unsynchronized:
  // delivers it with ZX_ERR_CANCELED. ZX_ERR_NOT_FOUND once it runs.
  zx_status_t CancelRead(CallbackRequest* request, bool* removed) EXCLUDES(mu_);
  void RunInline(CallbackRequest* request) EXCLUDES(mu_);

  // --- async_dispatcher_t operations ---
  zx_status_t PostTask(async_task_t* task) EXCLUDES(mu_);
  zx_status_t CancelTask(async_task_t* task) EXCLUDES(mu_);
  zx_status_t BeginWait(async_wait_t* wait) EXCLUDES(mu_);
  zx_status_t CancelWait(async_wait_t* wait) EXCLUDES(mu_);
  zx_status_t BindIrq(async_irq_t* irq) EXCLUDES(mu_);
  zx_status_t UnbindIrq(async_irq_t* irq) EXCLUDES(mu_);
  zx_status_t QueuePacket(async_receiver_t* receiver, const zx_packet_user_t* data) EXCLUDES(mu_);
  zx_status_t GetSequenceId(async_sequence_id_t* out_id, const char** out_error);
  zx_status_t CheckSequenceId(async_sequence_id_t id, const char** out_error);

  // --- lifecycle ---
  void ShutdownAsync() EXCLUDES(mu_);
  // Aborts unless shutdown has completed.
  void Destroy() EXCLUDES(mu_);
  // Destroys if shut down and not yet destroyed; false otherwise.
  bool TryDestroy() EXCLUDES(mu_);
  State state() EXCLUDES(mu_);
  bool IsIdle() EXCLUDES(mu_);
  void WaitUntilIdle() EXCLUDES(mu_);
  bool HasQueuedTasks() EXCLUDES(mu_);
  size_t ready_count_for_testing() EXCLUDES(mu_);
  // Threads inside WaitUntilIdle.
  int idle_waiters_for_testing() EXCLUDES(mu_);

  // Pool entry point: dispatches a batch of ready callbacks, or completes shutdown.
  void Run() override;

 private:
  friend class RefCounted<Dispatcher>;
  Dispatcher(const void* owner, uint32_t options, std::string_view name,
             fdf_dispatcher_shutdown_observer_t* observer);
  ~Dispatcher();

  struct ReadyCallback {
    CallbackRequest::Invoke invoke;
    void* target;
    zx_status_t status;
    CallbackRequest::Payload payload;
    CallbackRequest* request;  // still valid after the call only for reads and irqs
  };

  bool CanRunInlineLocked(const CallbackRequest* request) REQUIRES(mu_);
  // Takes `request` for dispatch; pooled requests return to the pool here.
  ReadyCallback TakeLocked(CallbackRequest* request) REQUIRES(mu_);
  void Invoke(const ReadyCallback& callback);
  void BeginCallbackLocked() REQUIRES(mu_);
  // `reschedule`: queue the dispatcher again if work is left (a batch loop passes false).
  void EndCallbackLocked(bool reschedule = true) REQUIRES(mu_);
  // `here`: the pool thread running this dispatcher's batch runs it again next, unless other
  // work waits (ThreadPool::Continue).
  void ScheduleLocked(bool here = false) REQUIRES(mu_);
  void MakeReadyLocked(CallbackRequest* request) REQUIRES(mu_);
  bool IsIdleLocked() REQUIRES(mu_);
  // Wakes WaitUntilIdle callers if there are any and the dispatcher is idle.
  void NotifyIfIdleLocked() REQUIRES(mu_) {
    if (idle_waiters_ > 0 && IsIdleLocked()) idle_cv_.notify_all();
  }
  // Clears `scheduled_` and runs a batch; true if shutdown may need completing.
  bool DispatchReady() EXCLUDES(mu_);
  void MaybeCompleteShutdown() EXCLUDES(mu_);
  void ReleaseResources();
  // Moves a poller wait that `Remove` took out (so it is still the `generation` it was) to the
  // shutdown queue.
  void ShutdownRemovedWait(CallbackRequest* request, uint32_t generation) EXCLUDES(mu_);

  // Pooled requests for tasks and waits, validated through async_state_t.
  CallbackRequest* AllocateRequestLocked(CallbackRequest::Kind kind, void* target) REQUIRES(mu_);
  void FreeRequestLocked(CallbackRequest* request) REQUIRES(mu_);
  CallbackRequest* LookupRequestLocked(const async_state_t& state, void* target) REQUIRES(mu_);

  // Delayed tasks and the timer that moves them to the ready queue.
  void EnsureTimer();
  void ArmTimerLocked() REQUIRES(mu_);
  static void OnTimer(void* self, zx_signals_t);
  static void OnWaitSignalled(void* request, zx_signals_t observed);
  static void InvokeTask(void* target, Dispatcher* d, zx_status_t status,
                         const CallbackRequest::Payload&);
  static void InvokeWait(void* target, Dispatcher* d, zx_status_t status,
                         const CallbackRequest::Payload& payload);
  static void InvokeIrq(void* target, Dispatcher* d, zx_status_t status,
                        const CallbackRequest::Payload& payload);
  static void InvokePacket(void* target, Dispatcher* d, zx_status_t status,
                           const CallbackRequest::Payload& payload);
  // Allocates a pooled request for a wait or irq (`target`, found again through `state`) and
  // registers it with the poller. ZX_ERR_BAD_STATE, ZX_ERR_ALREADY_EXISTS, or AddWait's error.
  zx_status_t BeginPollerRequest(CallbackRequest::Kind kind, void* target, async_state_t* state,
                                 CallbackRequest::Invoke invoke, zx_handle_t object,
                                 zx_signals_t trigger) EXCLUDES(mu_);
  // Marks `request` registered (with no poller key yet) and counts it as a pending poller wait.
  void RegisterForPollerLocked(CallbackRequest* request) REQUIRES(mu_);
  // Registers `request` (its `generation` when registered) with the poller for `object` and
  // publishes the key only if the request is still that registration; handles shutdown racing
  // the registration.
  zx_status_t ArmPollerWait(CallbackRequest* request, uint32_t generation, zx_handle_t object,
                            zx_signals_t trigger, Poller::Fire fire) EXCLUDES(mu_);
  // Removes a pooled wait or irq request from the poller, the ready or the shutdown queue and
  // frees it. ZX_ERR_SHOULD_WAIT: another thread is still registering it; ZX_ERR_NOT_FOUND: it
  // is running or gone.
  zx_status_t WithdrawLocked(CallbackRequest* request) REQUIRES(mu_);
  // After an irq handler returned: re-arm it, free it (unbound meanwhile) or park it for shutdown.
  void FinishIrqLocked(CallbackRequest* request) REQUIRES(mu_);

  const void* const owner_;
  const uint32_t options_;
  const std::string name_;
  fdf_dispatcher_shutdown_observer_t* const observer_;
  const uint64_t sequence_id_;

  Mutex mu_;
  State state_ GUARDED_BY(mu_) = State::kRunning;
  IntrusiveList<CallbackRequest> registered_ GUARDED_BY(mu_);
  IntrusiveList<CallbackRequest> ready_ GUARDED_BY(mu_);
  IntrusiveList<CallbackRequest> delayed_ GUARDED_BY(mu_);  // sorted by deadline
  IntrusiveList<CallbackRequest> shutdown_ GUARDED_BY(mu_);
  // Synchronized: a callback of this dispatcher is executing.
  bool dispatching_ GUARDED_BY(mu_) = false;
  int active_callbacks_ GUARDED_BY(mu_) = 0;
  bool scheduled_ GUARDED_BY(mu_) = false;
  bool completing_shutdown_ GUARDED_BY(mu_) = false;
  // Waits registered with the poller that have neither fired nor been removed.
  int pending_waits_ GUARDED_BY(mu_) = 0;
  int idle_waiters_ GUARDED_BY(mu_) = 0;
  std::condition_variable idle_cv_;

  std::deque<CallbackRequest> request_pool_ GUARDED_BY(mu_);
  IntrusiveList<CallbackRequest> free_requests_ GUARDED_BY(mu_);

  int timer_fd_ = -1;
  std::once_flag timer_once_;
  uint64_t timer_key_ = 0;
  zx_time_t timer_deadline_ GUARDED_BY(mu_) = ZX_TIME_INFINITE;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_DISPATCHER_H_
