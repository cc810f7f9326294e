// Tests only: a hook the runtime calls where an operation has dropped its lock around a poller
// call or a syscall, so a test can make the race that code guards against happen at that exact
// point (tests/runtime/race_test.cc, tests/runtime/poller_test.cc).
#ifndef FDFKIT_RUNTIME_FDF_RACE_HOOK_H_
#define FDFKIT_RUNTIME_FDF_RACE_HOOK_H_

namespace fdf_internal {

enum class RacePoint {
  kWithdrawBeforeRemove,
  kArmAfterAddWait,
  kTokenArmedNotPublished,
  // The poller read a slot's signals without a match and has not yet let go of the slot.
  kPollerExaminedNoMatch,
};
using RaceHook = void (*)(RacePoint point, void* context);
void SetRaceHookForTesting(RaceHook hook, void* context);
void RaceHookPoint(RacePoint point);

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_RACE_HOOK_H_
