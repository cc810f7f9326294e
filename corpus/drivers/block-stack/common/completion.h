// What a block-stack driver keeps to finish a queued request later: any callable taking the
// status, moved in and called once. Move-only, so it can hold what cannot be copied — the
// FIDL completer a migrated controller keeps instead of banjo's callback and cookie (its author's
// edit before `migrate-driver --mode=replace`); C++20 has no std::move_only_function.
#ifndef FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_COMPLETION_H_
#define FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_COMPLETION_H_

#include <zircon/types.h>

#include <memory>
#include <type_traits>
#include <utility>

namespace fdfkit::examples::block_stack {

class Completion {
 public:
  Completion() = default;
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Completion>>>
  Completion(F&& f) : call_(std::make_unique<Holder<std::decay_t<F>>>(std::forward<F>(f))) {}

  explicit operator bool() const { return call_ != nullptr; }
  // Calls it once; it is empty afterwards.
  void operator()(zx_status_t status) {
    std::unique_ptr<Callable> call = std::move(call_);
    call->Call(status);
  }

 private:
  struct Callable {
    virtual ~Callable() = default;
    virtual void Call(zx_status_t status) = 0;
  };
  template <typename F>
  struct Holder final : Callable {
    explicit Holder(F f) : f(std::move(f)) {}
    void Call(zx_status_t status) override { f(status); }
    F f;
  };
  std::unique_ptr<Callable> call_;
};

}  // namespace fdfkit::examples::block_stack

#endif  // FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_COMPLETION_H_
