// --mode=replace: an @async call (callback and cookie) on a member client. The client becomes an
// fdf::WireClient; the call's continuation calls the banjo callback exactly once, with the status
// and the reply's value, or with the transport or domain error and an empty value. Its
// blocking calls go through sync().
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.sampler/cpp/driver/wire.h>

class Reader {
 public:
  static void OnSample(void* ctx, zx_status_t status, uint32_t value) {
    static_cast<Reader*>(ctx)->last_ = status == ZX_OK ? value : 0;
  }
  void Start(uint32_t channel) {
    // CHECK-FIXES: void Start(uint32_t channel) {
    // CHECK-FIXES-NEXT: fdf::Arena arena('SAMP');
    sampler_.ReadSample(channel, OnSample, this);
    // CHECK-FIXES-NEXT: sampler_.buffer(arena)->ReadSample(channel).ThenExactlyOnce(
    // CHECK-FIXES-NEXT: [callback = OnSample, cookie = this](fdf::WireUnownedResult<fuchsia_hardware_sampler::Sampler::ReadSample>& result) {
    // CHECK-FIXES-NEXT: if (!result.ok()) return callback(cookie, result.status(), {});
    // CHECK-FIXES-NEXT: if (result->is_error()) return callback(cookie, result->error_value(), {});
    // CHECK-FIXES-NEXT: callback(cookie, ZX_OK, result->value()->value);
    // CHECK-FIXES-NEXT: });
  }
  zx_status_t Resolution(uint8_t* bits) {
    // CHECK-FIXES: zx_status_t Resolution(uint8_t* bits) {
    // CHECK-FIXES-NEXT: fdf::Arena arena('SAMP');
    return sampler_.GetResolution(bits);
    // CHECK-FIXES: return [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = sampler_.sync().buffer(arena)->GetResolution();
  }

 private:
  ddk::SamplerProtocolClient sampler_;
  // CHECK-FIXES: fdf::WireClient<fuchsia_hardware_sampler::Sampler> sampler_;
  uint32_t last_ = 0;
};

int main() {
  Reader reader;
  reader.Start(1);
  uint8_t bits = 0;
  return reader.Resolution(&bits);
}
