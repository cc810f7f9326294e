#include "runtime/fdf/race_hook.h"

#include <atomic>

namespace fdf_internal {

namespace {
std::atomic<RaceHook> g_race_hook{nullptr};
std::atomic<void*> g_race_context{nullptr};
}  // namespace

void SetRaceHookForTesting(RaceHook hook, void* context) {
  g_race_context.store(context, std::memory_order_relaxed);
  g_race_hook.store(hook, std::memory_order_release);
}

void RaceHookPoint(RacePoint point) {
  if (RaceHook hook = g_race_hook.load(std::memory_order_acquire)) {
    hook(point, g_race_context.load(std::memory_order_relaxed));
  }
}

}  // namespace fdf_internal
