// EXIT: 1
// --mode=replace: an @async banjo server method that calls its callback before it returns
// replies there instead: the callback's status and values become the reply (ReplySuccess with
// the values, or ReplyError), in each place it was called; the code after it keeps running.
// A method that keeps its callback for later is left, saying where.
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.sampler stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 23)
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
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: [FDFDRV064] Queued::SamplerReadSample keeps its callback past the call (at line [[@LINE+1]], column 17): reply through completer.ToAsync() held there, by hand: not rewritten
    pending_ = {callback, cookie};
  }

 private:
  struct Pending {
    sampler_read_sample_callback callback;
    void* cookie;
  } pending_ = {};
};

int main() {
  Sampler sampler;
  Queued queued;
  return 0;
}
