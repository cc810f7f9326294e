// EXIT: 1
// --mode=replace: an @async banjo server method that calls its callback before it returns
// replies there instead: the callback's status and values become the reply (ReplySuccess with
// the values, or ReplyError), in each place it was called; the code after it keeps running.
// A method that keeps its callback for later is left, saying where.
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.sampler stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.sampler/cpp/driver/wire.h>

class Sampler : public ddk::SamplerProtocol<Sampler, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Sampler now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
  // CHECK-FIXES: class Sampler : public fdf::WireServer<fuchsia_hardware_sampler::Sampler> {
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = 12;
    return ZX_OK;
  }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-FIXES: void ReadSample(ReadSampleRequestView request, fdf::Arena& arena, ReadSampleCompleter::Sync& completer) override {
    if (channel >= kChannels) {
      callback(cookie, ZX_ERR_OUT_OF_RANGE, 0);
      return;
    }
    // CHECK-FIXES-NEXT: if (request->channel >= kChannels) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
    // CHECK-FIXES-NEXT: return;
    // CHECK-FIXES-NEXT: }
    zx_status_t status = enabled_ ? ZX_OK : ZX_ERR_BAD_STATE;
    if (status == ZX_OK) reads_++;
    callback(cookie, status, samples_[channel]);
    // CHECK-FIXES: if (status == ZX_OK) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(samples_[request->channel]);
    // CHECK-FIXES-NEXT: } else {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(status);
    // CHECK-FIXES-NEXT: }
    last_channel_ = channel;
    // CHECK-FIXES-NEXT: last_channel_ = request->channel;
  }

 private:
  static constexpr uint32_t kChannels = 2;
  bool enabled_ = true;
  uint32_t samples_[kChannels] = {7, 9};
  uint32_t reads_ = 0;
  uint32_t last_channel_ = 0;
};

// Answered from a task: the lambda that captured the callback and its cookie holds the
// completer instead (mutable, replying on an arena of its own); the parameter it copied becomes
// a copy of the request's field.
template <typename Task>
void RunLater(Task task) {
  task();
}

class Deferred : public ddk::SamplerProtocol<Deferred, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Deferred now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
  // CHECK-FIXES: class Deferred : public fdf::WireServer<fuchsia_hardware_sampler::Sampler> {
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = 10;
    return ZX_OK;
  }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-FIXES: void ReadSample(ReadSampleRequestView request, fdf::Arena& arena, ReadSampleCompleter::Sync& completer) override {
    if (channel > 1) {
      callback(cookie, ZX_ERR_OUT_OF_RANGE, 0);
      return;
    }
    // CHECK-FIXES-NEXT: if (request->channel > 1) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
    RunLater([this, channel, callback, cookie] {
      callback(cookie, ZX_OK, channel + offset_);
    });
    // CHECK-FIXES: RunLater([this, channel = request->channel, completer = completer.ToAsync()]() mutable {
    // CHECK-FIXES-NEXT: fdf::Arena arena('SAMP');
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(channel + offset_);
    // CHECK-FIXES-NEXT: });
  }

 private:
  uint32_t offset_ = 100;
};

// The cookie captured first, a lambda with parameters: the same.
template <typename Task>
void RunLaterWith(uint32_t value, Task task) {
  task(value);
}

class DeferredWithParameters : public ddk::SamplerProtocol<DeferredWithParameters, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] DeferredWithParameters now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = 10;
    return ZX_OK;
  }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    RunLaterWith(channel, [cookie, callback](uint32_t value) {
      zx_status_t status = value < 2 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
      callback(cookie, status, value * 2);
    });
    // CHECK-FIXES: RunLaterWith(request->channel, [completer = completer.ToAsync()](uint32_t value) mutable {
    // CHECK-FIXES-NEXT: fdf::Arena arena('SAMP');
    // CHECK-FIXES-NEXT: zx_status_t status = value < 2 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES-NEXT: if (status == ZX_OK) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(value * 2);
    // CHECK-FIXES-NEXT: } else {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(status);
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: });
  }
};

// The callback goes into a queue, answered later: the method is left, and so is its class.
class Queued : public ddk::SamplerProtocol<Queued, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: [FDFDRV046] Queued serves ddk::SamplerProtocol, and stays so: its method SamplerReadSample is not rewritten
  // CHECK-FIXES: class Queued : public ddk::SamplerProtocol<Queued, ddk::base_protocol> {
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = 8;
    return ZX_OK;
  }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] Queued::SamplerReadSample stores or passes on its callback (at line [[@LINE+1]], column 17) instead of calling it: hold completer.ToAsync() there instead, by hand: not rewritten
    pending_ = {callback, cookie};
  }

 private:
  struct Pending {
    sampler_read_sample_callback callback;
    void* cookie;
  } pending_ = {};
};

int main() {
  Deferred deferred;
  DeferredWithParameters with_parameters;
  Sampler sampler;
  Queued queued;
  return 0;
}
