// EXIT: 1
// SECOND-RUN-EXIT: 0
// --mode=replace: a banjo client called from a lambda inside a banjo server method. The call-site
// rewrite took the lambda for a function of its own, so both rewrites declared an arena at the
// same place and the whole file failed (exit 2). The call is now left as in the method itself
// (the server is migrated first; a second run then migrates the call, on the lambda's arena).
// MAPPING: fuchsia.hardware.gpioimpl
// MAPPING: fuchsia.hardware.sampler
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.sampler/cpp/driver/wire.h>

template <typename Task>
void RunLater(Task task) {
  task();
}

class Forwarder : public ddk::SamplerProtocol<Forwarder, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Forwarder now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) { return ZX_OK; }
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    RunLater([this, channel, callback, cookie] {
      uint8_t value = 0;
      zx_status_t status = gpio_.Read(channel, &value);
      // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: [FDFDRV058] gpio_.Read(...) is made inside a banjo server method, whose rewrite edits the same code: not rewritten (forward it by hand, or migrate the server first)
      callback(cookie, status, value);
    });
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client gpio_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 34 (reported there): not rewritten
};

int main() { return 0; }
