// zx::time and zx::duration: typed monotonic nanoseconds.
#ifndef LIB_ZX_TIME_H_
#define LIB_ZX_TIME_H_

#include <zircon/syscalls.h>

#include <cstdint>
#include <compare>
#include <limits>

namespace zx {

class duration {
 public:
  constexpr duration() = default;
  explicit constexpr duration(zx_duration_t v) : value_(v) {}
  static constexpr duration infinite() { return duration(ZX_TIME_INFINITE); }
  constexpr zx_duration_t get() const { return value_; }
  constexpr duration operator+(duration o) const { return duration(value_ + o.value_); }
  constexpr duration operator-(duration o) const { return duration(value_ - o.value_); }
  constexpr duration operator*(int64_t m) const { return duration(value_ * m); }
  constexpr auto operator<=>(const duration&) const = default;
  constexpr int64_t to_nsecs() const { return value_; }
  constexpr int64_t to_usecs() const { return value_ / 1000; }
  constexpr int64_t to_msecs() const { return value_ / 1000000; }

 private:
  zx_duration_t value_ = 0;
};

class time {
 public:
  constexpr time() = default;
  explicit constexpr time(zx_time_t v) : value_(v) {}
  static constexpr time infinite() { return time(ZX_TIME_INFINITE); }
  static constexpr time infinite_past() { return time(ZX_TIME_INFINITE_PAST); }
  constexpr zx_time_t get() const { return value_; }
  constexpr time operator+(duration d) const { return time(SaturatingAdd(value_, d.get())); }
  constexpr time operator-(duration d) const { return time(SaturatingAdd(value_, -d.get())); }
  constexpr duration operator-(time o) const { return duration(value_ - o.value_); }
  constexpr auto operator<=>(const time&) const = default;

 private:
  static constexpr zx_time_t SaturatingAdd(zx_time_t a, zx_duration_t b) {
    zx_time_t r;
    if (__builtin_add_overflow(a, b, &r)) {
      return b > 0 ? std::numeric_limits<zx_time_t>::max() : std::numeric_limits<zx_time_t>::min();
    }
    return r;
  }
  zx_time_t value_ = 0;
};

constexpr duration nsec(int64_t n) { return duration(ZX_NSEC(n)); }
constexpr duration usec(int64_t n) { return duration(ZX_USEC(n)); }
constexpr duration msec(int64_t n) { return duration(ZX_MSEC(n)); }
constexpr duration sec(int64_t n) { return duration(ZX_SEC(n)); }

inline time deadline_after(duration d) { return time(zx_deadline_after(d.get())); }

// zx::clock::get_monotonic() is in <lib/zx/clock.h> (zx::clock is also a handle type).

}  // namespace zx

#endif  // LIB_ZX_TIME_H_
