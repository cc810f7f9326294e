// mock_function::MockFunction<R, Ts...>: a scripted stand-in for one function, what banjo's
// generated mocks (banjo-mock.h) are made of. Each expected call gives the arguments it must see
// and the value it returns; calls must come in the order they were expected.
//
//   mock_function::MockFunction<std::tuple<zx_status_t, uint8_t>, uint32_t> mock_read_;
//   mock_read_.ExpectCall({ZX_OK, 5}, 3);            // the next call must pass 3; returns {ZX_OK, 5}
//   std::tuple<zx_status_t, uint8_t> ret = mock_read_.Call(index);
//   mock_read_.VerifyAndClear();                     // every expected call was made
//
//   ExpectCall(R ret, Ts... args)  queues an expected call (with R = void: ExpectCall(Ts... args)).
//   ExpectNoCall()                 marks the function as scripted with no call: any call fails.
//   Call(Ts... args)               takes the next expected call, compares each argument with the
//                                  expected one (operator==, first to last) and returns its value.
//   HasExpectations()              true once ExpectCall or ExpectNoCall was used (until cleared).
//   VerifyAndClear()               fails if expected calls remain, then forgets everything.
// Return and argument types may be move-only (std::tuple<zx_status_t, zx::vmo>); argument types
// need operator==. References in Ts are stored as copies of the referenced values.
//
// A failure (a call nothing expected, an argument that differs, expected calls left at
// VerifyAndClear) goes to the failure handler with a message. The default handler prints it to
// standard error and aborts; a googletest suite installs one that records the failure and goes on:
//
//   mock_function::SetFailureHandler([](const char* message) { ADD_FAILURE() << message; });
//
// When the handler returns, a call with mismatched arguments still returns its expectation's
// value, and an unexpected call returns R{} (or aborts if R cannot be value-initialized).
// A MockFunction is not thread-safe: calls on one mock must not race.
#ifndef LIB_MOCK_FUNCTION_MOCK_FUNCTION_H_
#define LIB_MOCK_FUNCTION_MOCK_FUNCTION_H_

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace mock_function {

using FailureHandler = void (*)(const char* message);

namespace internal {

inline void DefaultFailureHandler(const char* message) {
  std::fprintf(stderr, "mock_function: %s\n", message);
  std::abort();
}

inline std::atomic<FailureHandler>& Handler() {
  static std::atomic<FailureHandler> handler{&DefaultFailureHandler};
  return handler;
}

inline void Fail(const std::string& message) { Handler().load()(message.c_str()); }

// What a call returns after an unexpected call was reported to a handler that returned.
template <typename R>
R ValueAfterFailure() {
  if constexpr (std::is_void_v<R>) {
    return;
  } else if constexpr (std::is_default_constructible_v<R>) {
    return R{};
  } else {
    std::abort();
  }
}

// The bookkeeping shared by MockFunction<R, ...> and MockFunction<void, ...>: `Value` is what an
// expected call returns (an empty struct for void).
template <typename Value, typename... Ts>
class Expectations {
 public:
  bool HasExpectations() const { return scripted_; }

  void VerifyAndClear() {
    if (!queue_.empty()) {
      Fail(std::to_string(queue_.size()) + " expected call(s) not made (" + std::to_string(calls_) +
           " of " + std::to_string(calls_ + queue_.size()) + " made)");
    }
    queue_.clear();
    scripted_ = false;
    calls_ = 0;
  }

 protected:
  void Expect(Value value, Ts... args) {
    scripted_ = true;
    queue_.push_back(Expectation{std::move(value), Args(std::forward<Ts>(args)...)});
  }
  void ExpectNothing() { scripted_ = true; }

  // The next expectation's value, with its arguments checked against `args`; nullopt (reported)
  // when no call was expected.
  std::optional<Value> Take(const Ts&... args) {
    size_t call = ++calls_;
    if (queue_.empty()) {
      Fail("unexpected call " + std::to_string(call) + ": " +
           (call == 1 ? std::string("no call was expected")
                      : "only " + std::to_string(call - 1) + " call(s) were expected"));
      return std::nullopt;
    }
    Expectation next = std::move(queue_.front());
    queue_.pop_front();
    int mismatch = FirstMismatch(next.args, std::index_sequence_for<Ts...>(), args...);
    if (mismatch >= 0) {
      Fail("call " + std::to_string(call) + ": argument " + std::to_string(mismatch) +
           " (counting from 0) differs from the expected one");
    }
    return std::optional<Value>(std::move(next.value));
  }

 private:
  using Args = std::tuple<std::decay_t<Ts>...>;
  struct Expectation {
    Value value;
    Args args;
  };

  template <size_t... I>
  static int FirstMismatch(const Args& expected, std::index_sequence<I...>, const Ts&... actual) {
    const bool equal[] = {true, static_cast<bool>(std::get<I>(expected) == actual)...};
    for (size_t i = 1; i < sizeof(equal) / sizeof(equal[0]); ++i) {
      if (!equal[i]) return static_cast<int>(i - 1);
    }
    return -1;
  }

  std::deque<Expectation> queue_;
  bool scripted_ = false;
  size_t calls_ = 0;
};

struct NoValue {};

}  // namespace internal

// Replaces the failure handler for every MockFunction in the process; nullptr restores the default
// (print and abort).
inline void SetFailureHandler(FailureHandler handler) {
  internal::Handler().store(handler ? handler : &internal::DefaultFailureHandler);
}

template <typename R, typename... Ts>
class MockFunction : public internal::Expectations<R, Ts...> {
 public:
  MockFunction& ExpectCall(R ret, Ts... args) {
    this->Expect(std::move(ret), std::forward<Ts>(args)...);
    return *this;
  }
  MockFunction& ExpectNoCall() {
    this->ExpectNothing();
    return *this;
  }
  R Call(Ts... args) {
    std::optional<R> value = this->Take(args...);
    if (!value) return internal::ValueAfterFailure<R>();
    return std::move(*value);
  }
};

template <typename... Ts>
class MockFunction<void, Ts...> : public internal::Expectations<internal::NoValue, Ts...> {
 public:
  MockFunction& ExpectCall(Ts... args) {
    this->Expect(internal::NoValue{}, std::forward<Ts>(args)...);
    return *this;
  }
  MockFunction& ExpectNoCall() {
    this->ExpectNothing();
    return *this;
  }
  void Call(Ts... args) { this->Take(args...); }
};

}  // namespace mock_function

#endif  // LIB_MOCK_FUNCTION_MOCK_FUNCTION_H_
