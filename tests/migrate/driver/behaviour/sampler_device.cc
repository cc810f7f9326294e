// A banjo device serving the test protocol fuchsia.hardware.sampler the way unmigrated drivers
// serve an @async method: GetResolution answers through an out-parameter; ReadSample answers an
// unknown channel at once and a known one later, from a task on the device's dispatcher. The
// build rewrites this file with migrate-driver --mode=replace (CMakeLists.txt), and
// sampler_device_test.cc drives the original over banjo and the rewrite over the driver
// transport: both must answer the same. Included by the harnesses, hence the anonymous namespace.
#include <fuchsia/hardware/sampler/cpp/banjo.h>
#include <lib/async/cpp/task.h>

namespace {

class SamplerDevice : public ddk::SamplerProtocol<SamplerDevice> {
 public:
  static constexpr uint8_t kBits = 12;
  static constexpr uint32_t kChannels = 2;

  explicit SamplerDevice(async_dispatcher_t* dispatcher) : dispatcher_(dispatcher) {}

  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = kBits;
    return ZX_OK;
  }

  // ZX_ERR_OUT_OF_RANGE: no such channel, answered before returning. Each sample is the
  // channel's base plus how many reads came before it.
  void SamplerReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) {
    if (channel >= kChannels) {
      callback(cookie, ZX_ERR_OUT_OF_RANGE, 0);
      return;
    }
    // Only a dispatcher shutting down refuses the task; the device is going away with it.
    async::PostTask(dispatcher_, [this, channel, callback, cookie] {
      uint32_t value = Sample(channel);
      callback(cookie, ZX_OK, value);
    });
  }

 private:
  uint32_t Sample(uint32_t channel) { return 1000 * (channel + 1) + reads_++; }

  async_dispatcher_t* const dispatcher_;
  uint32_t reads_ = 0;  // only touched on dispatcher_
};

}  // namespace
