// EXIT: 1
// --mode=replace: @async server methods whose callback the rewrite cannot turn into a held
// completer, each left with its class, saying why.
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES-NOT: wire.h

#include <functional>

template <typename Task>
void RunLater(Task task) {
  task();
}

// Stored as a std::function, which must be copyable: a held completer is not.
class AsFunction : public ddk::SamplerProtocol<AsFunction, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: [FDFDRV046] AsFunction serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] AsFunction::SamplerReadSample keeps its callback in a lambda stored as a std::function (at line [[@LINE+1]], column 16), which must be copyable; the completer that replaces it is not: not rewritten
    pending_ = [callback, cookie] { callback(cookie, ZX_OK, 1); };
  }

 private:
  std::function<void()> pending_;
};

// Captured by reference (a capture default): the lambda would read the callback after it is gone.
class ByReference : public ddk::SamplerProtocol<ByReference, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV046] ByReference serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] ByReference::SamplerReadSample keeps its callback past the call (at line [[@LINE+1]], column 15) other than in one lambda that captures it and its cookie by name: reply through completer.ToAsync() held there, by hand: not rewritten
    RunLater([&] { callback(cookie, ZX_OK, 2); });
  }
};

// Two lambdas share the callback: only one of them could hold the completer.
class TwoTasks : public ddk::SamplerProtocol<TwoTasks, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: [FDFDRV046] TwoTasks serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] TwoTasks::SamplerReadSample keeps its callback past the call (at line [[@LINE+2]], column 15) other than in one lambda that captures it and its cookie by name: reply through completer.ToAsync() held there, by hand: not rewritten
    RunLater([callback, cookie] { callback(cookie, ZX_OK, 3); });
    RunLater([callback, cookie] { callback(cookie, ZX_OK, 4); });
  }
};

// Called again after the lambda took it (a task the dispatcher refused): the completer is the
// lambda's by then.
class AfterTheTask : public ddk::SamplerProtocol<AfterTheTask, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: [FDFDRV046] AfterTheTask serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] AfterTheTask::SamplerReadSample calls its callback (at line [[@LINE+3]], column 7) after the lambda that keeps it (at line [[@LINE+1]], column 24), which will hold the completer by then: not rewritten
    bool posted = Post([callback, cookie] { callback(cookie, ZX_OK, 5); });
    if (!posted) {
      callback(cookie, ZX_ERR_INTERNAL, 0);
    }
  }

 private:
  template <typename Task>
  bool Post(Task task) {
    task();
    return true;
  }
};

// Called inside an expression (a cast to void), with an argument that does something, from a
// lambda kept in a variable: each left, saying where.
class InExpression : public ddk::SamplerProtocol<InExpression, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: [FDFDRV046] InExpression serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] InExpression::SamplerReadSample calls its callback inside an expression (at line [[@LINE+1]], column 11): not rewritten
    (void)callback(cookie, ZX_OK, 6);
  }
};

class SideEffect : public ddk::SamplerProtocol<SideEffect, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: [FDFDRV046] SideEffect serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] SideEffect::SamplerReadSample passes its callback an argument with side effects (at line [[@LINE+1]], column 31), which the reply might not evaluate: not rewritten
    callback(cookie, status_, Next());
  }

 private:
  uint32_t Next() { return count_++; }
  zx_status_t status_ = ZX_OK;
  uint32_t count_ = 0;
};

class InVariable : public ddk::SamplerProtocol<InVariable, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: [FDFDRV046] InVariable serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] InVariable::SamplerReadSample keeps its callback in a lambda that is not passed straight to a call (at line [[@LINE+1]], column 17): the completer it will hold can only be moved: not rewritten
    auto task = [callback, cookie] { callback(cookie, ZX_OK, 7); };
    RunLater(task);
  }
};

int main() { return 0; }
