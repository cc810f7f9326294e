#include "runtime/fdf/coordinator.h"

#include <algorithm>

#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/fdf/poller.h"
#include "runtime/fdf/runnable.h"
#include "runtime/fdf/thread_pool.h"

namespace fdf_internal {

Coordinator& Coordinator::Get() {
  static Coordinator* coordinator = new Coordinator();
  return *coordinator;
}

zx_status_t Coordinator::AddDispatcher(Dispatcher* dispatcher) {
  MutexLock lock(&mu_);
  Driver& driver = drivers_[dispatcher->owner()];
  if (driver.shutting_down) return ZX_ERR_BAD_STATE;
  if (driver.members.empty() && !driver.initial) driver.initial = RefPtr<Dispatcher>(dispatcher);
  driver.members.push_back({dispatcher, false});
  return ZX_OK;
}

void Coordinator::OnDispatcherShutdown(Dispatcher* dispatcher) {
  const void* owner = dispatcher->owner();
  bool complete = false;
  {
    MutexLock lock(&mu_);
    auto it = drivers_.find(owner);
    if (it == drivers_.end()) return;
    Driver& driver = it->second;
    for (Member& m : driver.members) {
      if (m.dispatcher == dispatcher) m.shut_down = true;
    }
    complete = driver.shutting_down &&
               std::all_of(driver.members.begin(), driver.members.end(),
                           [](const Member& m) { return m.shut_down; });
    changed_cv_.notify_all();
  }
  if (complete) CompleteDriverShutdown(owner);
}

void Coordinator::CompleteDriverShutdown(const void* owner) {
  fdf_env_driver_shutdown_observer_t* observer;
  RefPtr<Dispatcher> initial;
  {
    MutexLock lock(&mu_);
    Driver& driver = drivers_[owner];
    observer = std::exchange(driver.observer, nullptr);
    if (observer == nullptr) return;  // already completed
    initial = driver.initial;
    ++observers_running_;
  }
  driver_context::Push(owner, initial.get());
  observer->handler(owner, observer);
  driver_context::Pop();
  MutexLock lock(&mu_);
  --observers_running_;
  auto it = drivers_.find(owner);
  if (it != drivers_.end()) {
    it->second.shutting_down = false;
    if (it->second.members.empty()) drivers_.erase(it);
  }
  changed_cv_.notify_all();
}

void Coordinator::RemoveDispatcher(Dispatcher* dispatcher) {
  MutexLock lock(&mu_);
  auto it = drivers_.find(dispatcher->owner());
  if (it == drivers_.end()) return;
  auto& members = it->second.members;
  auto m = std::find_if(members.begin(), members.end(),
                        [&](const Member& x) { return x.dispatcher == dispatcher; });
  if (m == members.end()) return;
  members.erase(m);
  if (members.empty() && !it->second.shutting_down) drivers_.erase(it);
  changed_cv_.notify_all();
}

zx_status_t Coordinator::ShutdownDriver(const void* owner,
                                        fdf_env_driver_shutdown_observer_t* observer) {
  if (observer == nullptr) return ZX_ERR_INVALID_ARGS;
  std::vector<RefPtr<Dispatcher>> to_shut_down;
  bool nothing_pending;
  {
    MutexLock lock(&mu_);
    auto it = drivers_.find(owner);
    if (it == drivers_.end()) return ZX_ERR_INVALID_ARGS;
    Driver& driver = it->second;
    if (driver.shutting_down) return ZX_ERR_BAD_STATE;
    driver.shutting_down = true;
    driver.observer = observer;
    for (Member& m : driver.members) {
      if (!m.shut_down) to_shut_down.emplace_back(m.dispatcher);
    }
    nothing_pending = to_shut_down.empty();
  }
  if (nothing_pending) {
    // Completion still happens off the caller's stack.
    struct Job final : Runnable {
      const void* owner;
      void Run() override {
        const void* o = owner;
        delete this;
        Coordinator::Get().CompleteDriverShutdown(o);
      }
    };
    auto* job = new Job();
    job->owner = owner;
    ThreadPool::Get().Enqueue(job);
    return ZX_OK;
  }
  for (auto& d : to_shut_down) d->ShutdownAsync();
  return ZX_OK;
}

std::vector<RefPtr<Dispatcher>> Coordinator::SnapshotLocked() {
  std::vector<RefPtr<Dispatcher>> all;
  for (auto& [owner, driver] : drivers_) {
    for (Member& m : driver.members) all.emplace_back(m.dispatcher);
  }
  return all;
}

void Coordinator::RunUntilIdle() {
  for (;;) {
    bool progressed = false;
    while (ThreadPool::Get().RunOne()) progressed = true;
    if (Poller::Get().PollOnce(0) > 0) progressed = true;
    if (!progressed) return;
  }
}

void Coordinator::DestroyAllDispatchers() {
  std::vector<RefPtr<Dispatcher>> all;
  {
    MutexLock lock(&mu_);
    all = SnapshotLocked();
  }
  for (auto& d : all) d->ShutdownAsync();
  // Shut down means the observer has returned: destroying earlier would race an observer that
  // destroys its own dispatcher.
  auto all_shut_down = [this]() NO_THREAD_SAFETY_ANALYSIS {
    for (auto& [owner, driver] : drivers_) {
      for (const Member& m : driver.members) {
        if (!m.shut_down) return false;
      }
    }
    return true;
  };
  if (!ThreadPool::Get().started()) {
    RunUntilIdle();
  } else {
    MutexLock lock(&mu_);
    WaitLocked(changed_cv_, mu_, all_shut_down);
  }
  for (auto& d : all) d->TryDestroy();
  WaitUntilAllDestroyed();
}

void Coordinator::WaitUntilAllIdle() {
  if (!ThreadPool::Get().started()) {
    RunUntilIdle();
    return;
  }
  std::vector<RefPtr<Dispatcher>> all;
  {
    MutexLock lock(&mu_);
    all = SnapshotLocked();
  }
  for (auto& d : all) d->WaitUntilIdle();
}

void Coordinator::WaitUntilAllDestroyed() {
  if (!ThreadPool::Get().started()) RunUntilIdle();
  MutexLock lock(&mu_);
  // A driver stays in the table while its shutdown observer is pending: its last dispatcher may
  // be destroyed (inside its own observer) before the driver's observer has even started.
  ++destroyed_waiters_;
  WaitLocked(changed_cv_, mu_, [this]() NO_THREAD_SAFETY_ANALYSIS {
    return drivers_.empty() && observers_running_ == 0;
  });
  --destroyed_waiters_;
}

int Coordinator::destroyed_waiters_for_testing() {
  MutexLock lock(&mu_);
  return destroyed_waiters_;
}

}  // namespace fdf_internal
