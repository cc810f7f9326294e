// EXIT: 1
// --mode=replace: a layer between a parent and a child serves the banjo protocol it consumes and
// forwards each request to its parent (a filter driver). The calls it makes in its server methods
// are written with the methods: the in-parameters read from the request, an out-parameter passed
// on becomes the local the reply carries, a local named like the FIDL method's parameters is
// renamed, and the callback and cookie passed down become a continuation holding the completer,
// which replies with what the parent's reply brought.
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.sampler stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fidl/fuchsia.hardware.sampler/cpp/driver/wire.h>

class Filter : public ddk::SamplerProtocol<Filter, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Filter now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
  // CHECK-FIXES: class Filter : public fdf::WireServer<fuchsia_hardware_sampler::Sampler> {
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    return parent_.GetResolution(out_bits);
  }
  // CHECK-FIXES: void GetResolution(fdf::Arena& arena, GetResolutionCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: uint8_t bits{};
  // CHECK-FIXES-NEXT: zx_status_t reply_status = [&]() -> zx_status_t {
  // CHECK-FIXES-NEXT: auto result = parent_.sync().buffer(arena)->GetResolution();
  // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
  // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
  // CHECK-FIXES-NEXT: bits = result->value()->bits;
  // CHECK-FIXES-NEXT: return ZX_OK;
  // CHECK-FIXES-NEXT: }();
  // CHECK-FIXES-NEXT: if (reply_status == ZX_OK) {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(bits);
  // CHECK-FIXES-NEXT: } else {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(reply_status);
  // CHECK-FIXES-NEXT: }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    const uint32_t request = channel + offset_;
    if (request > 8) {
      callback(cookie, ZX_ERR_OUT_OF_RANGE, 0);
      return;
    }
    parent_.ReadSample(request, callback, cookie);
  }
  // CHECK-FIXES: void ReadSample(ReadSampleRequestView request, fdf::Arena& arena, ReadSampleCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: const uint32_t local_request = request->channel + offset_;
  // CHECK-FIXES-NEXT: if (local_request > 8) {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
  // CHECK-FIXES-NEXT: return;
  // CHECK-FIXES-NEXT: }
  // CHECK-FIXES-NEXT: parent_.buffer(arena)->ReadSample(local_request).ThenExactlyOnce(
  // CHECK-FIXES-NEXT: [completer = completer.ToAsync()](fdf::WireUnownedResult<fuchsia_hardware_sampler::Sampler::ReadSample>& result) mutable {
  // CHECK-FIXES-NEXT: fdf::Arena arena('SAMP');
  // CHECK-FIXES-NEXT: if (!result.ok()) {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(result.status());
  // CHECK-FIXES-NEXT: } else if (result->is_error()) {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(result->error_value());
  // CHECK-FIXES-NEXT: } else {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(result->value()->value);
  // CHECK-FIXES-NEXT: }
  // CHECK-FIXES-NEXT: });

 private:
  ddk::SamplerProtocolClient parent_;
  // CHECK-FIXES: fdf::WireClient<fuchsia_hardware_sampler::Sampler> parent_;
  uint32_t offset_ = 1;
};

// Two locals named `request`, in two blocks: both renamed.
class TwoPaths : public ddk::SamplerProtocol<TwoPaths, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] TwoPaths now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return parent_.GetResolution(out_bits); }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    if (channel > 4) {
      uint32_t request = channel;
      parent_.ReadSample(request, callback, cookie);
      return;
    }
    {
      uint32_t request = channel + 1;
      parent_.ReadSample(request, callback, cookie);
    }
  }
  // CHECK-FIXES: uint32_t local_request = request->channel;
  // CHECK-FIXES-NEXT: parent_.buffer(arena)->ReadSample(local_request).ThenExactlyOnce(
  // CHECK-FIXES: uint32_t local_request = request->channel + 1;
  // CHECK-FIXES-NEXT: parent_.buffer(arena)->ReadSample(local_request).ThenExactlyOnce(

 private:
  ddk::SamplerProtocolClient parent_;
};

// The client stays banjo (its address is given away), and so does the server forwarding to it,
// with nothing to publish.
void Keep(ddk::SamplerProtocolClient* client) {}
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: [FDFDRV060] the banjo client client is a parameter, whose callers pass banjo clients: not rewritten

class Kept : public ddk::SamplerProtocol<Kept, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV046] Kept serves ddk::SamplerProtocol, and stays so: the banjo client parent_ that Kept::SamplerGetResolution calls (at line [[@LINE+4]], column 72) stays banjo (reported there)
  // CHECK-FIXES: class Kept : public ddk::SamplerProtocol<Kept, ddk::base_protocol> {
 public:
  Kept() { Keep(&parent_); }
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return parent_.GetResolution(out_bits); }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    parent_.ReadSample(channel, callback, cookie);
  }

 private:
  ddk::SamplerProtocolClient parent_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: [FDFDRV060] the banjo client parent_ stays banjo with its calls, because it is used at line {{[0-9]+}}, column 18 other than to call it: not rewritten
};

int main() {
  Filter filter;
  TwoPaths two_paths;
  Kept kept;
  return 0;
}
