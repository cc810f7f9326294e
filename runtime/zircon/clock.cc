#include <time.h>
#include <zircon/syscalls.h>

#include <cerrno>

extern "C" zx_time_t zx_clock_get_monotonic(void) {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<zx_time_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

extern "C" zx_time_t zx_deadline_after(zx_duration_t nanoseconds) {
  zx_time_t now = zx_clock_get_monotonic(), deadline;
  if (__builtin_add_overflow(now, nanoseconds, &deadline)) {
    return nanoseconds > 0 ? ZX_TIME_INFINITE : ZX_TIME_INFINITE_PAST;
  }
  return deadline;
}

extern "C" zx_status_t zx_nanosleep(zx_time_t deadline) {
  if (deadline <= 0) return ZX_OK;
  timespec ts{static_cast<time_t>(deadline / 1000000000), static_cast<long>(deadline % 1000000000)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
  }
  return ZX_OK;
}
