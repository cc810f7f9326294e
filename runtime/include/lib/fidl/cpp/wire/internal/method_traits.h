// What the generator tells the runtime about each method (nested in the method marker type), and
// the result types built from it: fidl::WireRequest/WireResponse/WireEvent, the unwrap type of a
// two-way call, and the result base shared by both transports' sync and async calls.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_METHOD_TRAITS_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_METHOD_TRAITS_H_

#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/fidl/cpp/wire/internal/transport.h>
#include <lib/fidl/cpp/wire/status.h>
#include <lib/fit/result.h>

#include <optional>
#include <type_traits>

namespace fidl {

// Per method the generator emits, in the marker `P::M`:
//   kOrdinal, kTwoWay, kIsEvent, kFlexible, kResultShape,
//   RequestBody / ResponseBody (void when there is none), kRequestType / kResponseType,
//   and for result unions ErrorType (void without `error`) and SuccessType (void for `-> ()`).
template <typename M>
using WireRequest = typename M::RequestBody;
template <typename M>
using WireResponse = typename M::ResponseBody;
template <typename M>
using WireEvent = typename M::RequestBody;

enum class UnknownMethodType { kOneWay, kTwoWay };

namespace internal {

enum class Openness { kClosed, kAjar, kOpen };

enum class ResultShape {
  kNone,         // one-way, or a strict `-> ()`
  kPayload,      // strict, no `error`: the payload struct itself
  kErrorResult,  // `error E`: a result union unwrapped to fit::result
  kFlexible,     // flexible without `error`: a result union unwrapped to its payload
};

template <typename M, ResultShape = M::kResultShape>
struct UnwrapTraits {
  using Type = void;
};
template <typename M>
struct UnwrapTraits<M, ResultShape::kPayload> {
  using Type = typename M::ResponseBody;
};
template <typename M>
struct UnwrapTraits<M, ResultShape::kErrorResult> {
  using Type = std::conditional_t<std::is_void_v<typename M::SuccessType>,
                                  fit::result<typename M::ErrorType>,
                                  fit::result<typename M::ErrorType, typename M::SuccessType*>>;
};
template <typename M>
struct UnwrapTraits<M, ResultShape::kFlexible> {
  using Type = typename M::SuccessType;
};

// Result unions share one layout: the ordinal, then the envelope.
struct WireResultUnion {
  uint64_t ordinal;
  WireEnvelope envelope;
};
inline constexpr uint64_t kResultResponseOrdinal = 1;
inline constexpr uint64_t kResultErrOrdinal = 2;
inline constexpr uint64_t kResultFrameworkErrOrdinal = 3;

}  // namespace internal

template <typename M>
using WireResultUnwrapType = typename internal::UnwrapTraits<M>::Type;

namespace internal {

// A finished two-way call: the status first, then (when ok) the unwrapped reply. Owns the reply
// message, so views into it stay valid as long as the result lives.
template <typename M>
class WireResultBase : public Status {
  using Unwrapped = WireResultUnwrapType<M>;
  static constexpr bool kHoldsPointer =
      M::kResultShape == ResultShape::kPayload ||
      (M::kResultShape == ResultShape::kFlexible && !std::is_void_v<Unwrapped>);

 public:
  WireResultBase(const WireResultBase&) = delete;
  WireResultBase& operator=(const WireResultBase&) = delete;

  template <typename U = Unwrapped, typename = std::enable_if_t<!std::is_void_v<U>>>
  U& value() {
    if (!ok()) std::abort();  // check ok() first
    return *unwrapped_;  // a pointer or an optional: both dereference to the value
  }
  template <typename U = Unwrapped, typename = std::enable_if_t<!std::is_void_v<U>>>
  U& Unwrap() {
    return value();
  }
  template <typename U = Unwrapped, typename = std::enable_if_t<!std::is_void_v<U>>>
  U* operator->() {
    return &value();
  }
  template <typename U = Unwrapped, typename = std::enable_if_t<!std::is_void_v<U>>>
  U& operator*() {
    return value();
  }
  IncomingMessage& message() { return message_; }

 protected:
  explicit WireResultBase(const Status& status) : Status(status) {}
  WireResultBase(WireResultBase&&) = default;

  // Takes the decoded reply and computes the unwrap value (a framework error becomes the
  // status).
  void SetReply(IncomingMessage&& reply) {
    message_ = std::move(reply);
    void* body = message_.body();
    if constexpr (M::kResultShape == ResultShape::kPayload) {
      unwrapped_ = static_cast<Unwrapped*>(body);
    } else if constexpr (M::kResultShape == ResultShape::kErrorResult ||
                         M::kResultShape == ResultShape::kFlexible) {
      auto* result = static_cast<WireResultUnion*>(body);
      switch (result->ordinal) {
        case kResultResponseOrdinal:
          if constexpr (M::kResultShape == ResultShape::kErrorResult) {
            if constexpr (std::is_void_v<typename M::SuccessType>) {
              unwrapped_.emplace(fit::ok());
            } else {
              unwrapped_.emplace(
                  fit::ok(result->envelope.template get<typename M::SuccessType>()));
            }
          } else if constexpr (!std::is_void_v<Unwrapped>) {
            unwrapped_ = result->envelope.template get<Unwrapped>();
          }
          break;
        case kResultErrOrdinal:
          if constexpr (M::kResultShape == ResultShape::kErrorResult) {
            unwrapped_.emplace(
                fit::as_error(*result->envelope.template get<typename M::ErrorType>()));
            break;
          }
          [[fallthrough]];
        default:
          static_cast<Status&>(*this) = Status::UnknownMethod();
          break;
      }
    }
  }

 private:
  using Storage = std::conditional_t<
      kHoldsPointer, Unwrapped*,
      std::conditional_t<std::is_void_v<Unwrapped>, std::nullptr_t,
                         std::optional<std::conditional_t<std::is_void_v<Unwrapped>, int,
                                                          Unwrapped>>>>;
  IncomingMessage message_;
  Storage unwrapped_{};
};

}  // namespace internal
}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_METHOD_TRAITS_H_
