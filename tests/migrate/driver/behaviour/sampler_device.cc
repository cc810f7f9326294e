// A banjo device serving the test protocol fuchsia.hardware.sampler the way unmigrated drivers
// serve it: GetResolution answers through an out-parameter, GetName writes a C string into the
// caller's buffer, GetChannels points the caller at the device's own list; the @async ReadSample
// answers an unknown channel at once and a known one later, from a task on the device's
// dispatcher. The build rewrites this file with migrate-driver --mode=replace (CMakeLists.txt),
// and sampler_device_test.cc drives the original over banjo and the rewrite over the driver
// transport: both must answer the same. Included by the harnesses, hence the anonymous namespace.
#include <fuchsia/hardware/sampler/cpp/banjo.h>
#include <lib/async/cpp/task.h>

#include <cstdio>

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

  // ZX_ERR_BUFFER_TOO_SMALL: the name and its NUL do not fit.
  zx_status_t SamplerGetName(char* out_name, size_t name_capacity) {
    int written = snprintf(out_name, name_capacity, "adc%u-%ubit", kChannels, kBits);
    if (written < 0 || static_cast<size_t>(written) >= name_capacity) {
      return ZX_ERR_BUFFER_TOO_SMALL;
    }
    return ZX_OK;
  }

  // The device's own list, valid as long as it is.
  zx_status_t SamplerGetChannels(uint32_t** out_channels_list, size_t* channels_count) {
    *out_channels_list = channels_;
    *channels_count = kChannels;
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
  uint32_t channels_[kChannels] = {0, 1};
  uint32_t reads_ = 0;  // only touched on dispatcher_
};

}  // namespace
