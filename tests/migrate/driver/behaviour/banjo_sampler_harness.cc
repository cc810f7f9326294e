// The original banjo device, called through its ops table as a colocated banjo client would.
#include "tests/migrate/driver/behaviour/sampler_device.cc"

#include <zircon/status.h>

#include "tests/fidl/latch.h"
#include "tests/migrate/driver/behaviour/sampler_harness.h"

namespace fdfkit::testing {
namespace {

// The mixin's ops table is the device's own; a subclass hands it out as the banjo protocol.
class BanjoSamplerDevice : public SamplerDevice {
 public:
  using SamplerDevice::SamplerDevice;
  sampler_protocol_t Protocol() {
    return {&sampler_protocol_ops_, static_cast<SamplerDevice*>(this)};
  }
};

// What one ReadSample's callback said; it may run on the device's dispatcher.
struct Answer {
  Latch done;
  zx_status_t status = ZX_ERR_INTERNAL;
  uint32_t value = 0;
};

void OnSample(void* cookie, zx_status_t status, uint32_t value) {
  auto* answer = static_cast<Answer*>(cookie);
  answer->status = status;
  answer->value = value;
  answer->done.Signal();
}

}  // namespace

SamplerTranscript RunBanjoSampler(fdf_dispatcher_t* device_dispatcher) {
  BanjoSamplerDevice device(fdf_dispatcher_get_async_dispatcher(device_dispatcher));
  sampler_protocol_t protocol = device.Protocol();
  ddk::SamplerProtocolClient client(&protocol);
  SamplerTranscript transcript;
  uint8_t bits = 0;
  zx_status_t status = client.GetResolution(&bits);
  transcript.push_back("resolution " + std::string(zx_status_get_string(status)) + " " +
                       std::to_string(bits));
  char name[32];
  status = client.GetName(name, sizeof name);
  transcript.push_back(NameLine(status, status == ZX_OK ? name : ""));
  uint32_t* channels = nullptr;
  size_t count = 0;
  status = client.GetChannels(&channels, &count);
  transcript.push_back(ChannelsLine(status, channels, count));
  for (uint32_t channel : kSampledChannels) {
    Answer answer;
    client.ReadSample(channel, OnSample, &answer);
    transcript.push_back(answer.done.Wait() ? SampleLine(channel, answer.status, answer.value)
                                            : "sample " + std::to_string(channel) + " no answer");
  }
  return transcript;
}

std::string NameLine(zx_status_t status, std::string_view name) {
  return "name " + std::string(zx_status_get_string(status)) +
         (status == ZX_OK ? " " + std::string(name) : "");
}

std::string ChannelsLine(zx_status_t status, const uint32_t* channels, size_t count) {
  std::string line = "channels " + std::string(zx_status_get_string(status));
  for (size_t i = 0; status == ZX_OK && i < count; ++i) {
    line += (i ? "," : " ") + std::to_string(channels[i]);
  }
  return line;
}

std::string SampleLine(uint32_t channel, zx_status_t status, uint32_t value) {
  return "sample " + std::to_string(channel) + " " + zx_status_get_string(status) +
         (status == ZX_OK ? " " + std::to_string(value) : "");
}

}  // namespace fdfkit::testing
