// Bounded spinning before a thread sleeps on a condition variable.
//
// A futex sleep + wake costs tens of microseconds on a virtualised core, far more than the work a
// driver round trip does. A thread that just finished work, or just sent a request whose reply
// is likely to arrive within microseconds, polls for a short while first; the hand-off then never
// enters the kernel. The budget is small so that an idle runtime stops burning CPU quickly.
#ifndef FDFKIT_RUNTIME_FDF_SPIN_WAIT_H_
#define FDFKIT_RUNTIME_FDF_SPIN_WAIT_H_

#include <chrono>

namespace fdf_internal {

// How long a thread polls before it sleeps.
inline constexpr std::chrono::microseconds kSpinBudget{50};

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Polls `ready` until it returns true (→ true) or `until` passes (→ false). `ready` is checked once
// even when `until` has already passed.
template <typename Ready>
bool SpinUntil(Ready ready, std::chrono::steady_clock::time_point until) {
  if (ready()) return true;
  for (;;) {
    if (std::chrono::steady_clock::now() >= until) return false;
    for (int i = 0; i < 64; ++i) {
      CpuRelax();
      if (ready()) return true;
    }
  }
}

// The same for the default budget.
template <typename Ready>
bool SpinUntil(Ready ready) {
  return SpinUntil(ready, std::chrono::steady_clock::now() + kSpinBudget);
}

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_SPIN_WAIT_H_
