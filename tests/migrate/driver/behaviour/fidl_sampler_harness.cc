// migrate-driver's rewrite of the device (--mode=replace, at build time), served over the driver
// transport and called by a sync client, as a migrated colocated client would.
#include "replace/sampler_device.cc"

#include <zircon/status.h>

#include <optional>

#include "tests/fidl/latch.h"
#include "tests/migrate/driver/behaviour/sampler_harness.h"

namespace fdfkit::testing {

SamplerTranscript RunFidlSampler(fdf_dispatcher_t* device_dispatcher) {
  using fuchsia_hardware_sampler::Sampler;
  SamplerDevice device(fdf_dispatcher_get_async_dispatcher(device_dispatcher));
  auto endpoints = fdf::CreateEndpoints<Sampler>();
  if (endpoints.is_error()) return {"no endpoints"};
  Latch unbound;
  fdf::BindServer(device_dispatcher, std::move(endpoints->server), &device,
                  [&](SamplerDevice*, fidl::UnbindInfo, fdf::ServerEnd<Sampler>) {
                    unbound.Signal();
                  });
  SamplerTranscript transcript;
  {
    fdf::WireSyncClient<Sampler> client(std::move(endpoints->client));
    fdf::Arena arena('TEST');
    auto resolution = client.buffer(arena)->GetResolution();
    zx_status_t status = !resolution.ok()           ? resolution.status()
                         : resolution->is_error() ? resolution->error_value()
                                                  : ZX_OK;
    transcript.push_back("resolution " + std::string(zx_status_get_string(status)) + " " +
                         std::to_string(status == ZX_OK ? resolution->value()->bits : 0));
    auto name = client.buffer(arena)->GetName();
    status = !name.ok() ? name.status() : name->is_error() ? name->error_value() : ZX_OK;
    transcript.push_back(NameLine(status, status == ZX_OK ? name->value()->name.get() : ""));
    auto channels = client.buffer(arena)->GetChannels();
    status = !channels.ok()           ? channels.status()
             : channels->is_error() ? channels->error_value()
                                    : ZX_OK;
    transcript.push_back(status == ZX_OK
                             ? ChannelsLine(status, channels->value()->channels.data(),
                                            channels->value()->channels.count())
                             : ChannelsLine(status, nullptr, 0));
    for (uint32_t channel : kSampledChannels) {
      auto sample = client.buffer(arena)->ReadSample(channel);
      if (!sample.ok()) {
        transcript.push_back(SampleLine(channel, sample.status(), 0));
      } else if (sample->is_error()) {
        transcript.push_back(SampleLine(channel, sample->error_value(), 0));
      } else {
        transcript.push_back(SampleLine(channel, ZX_OK, sample->value()->value));
      }
    }
  }
  // The client end is closed: the device outlives its binding.
  if (!unbound.Wait()) transcript.push_back("binding never unbound");
  return transcript;
}

}  // namespace fdfkit::testing
