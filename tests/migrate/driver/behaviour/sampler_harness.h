// Drives a sampler device through one fixed sequence of calls and says what it answered, one
// line per call: the original banjo device through its ops table (banjo_sampler_harness.cc), and
// migrate-driver's rewrite of it over the driver transport (fidl_sampler_harness.cc). The
// device's tasks run on `device_dispatcher`; a call waits a bounded time for its answer.
#ifndef FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_SAMPLER_HARNESS_H_
#define FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_SAMPLER_HARNESS_H_

#include <lib/fdf/dispatcher.h>
#include <zircon/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace fdfkit::testing {

// "resolution ZX_OK 12", "name ZX_OK adc2-12bit", "channels ZX_OK 0,1", "sample 0 ZX_OK 1000",
// "sample 7 ZX_ERR_OUT_OF_RANGE", ...
using SamplerTranscript = std::vector<std::string>;

// The channels read, in order: known ones answered from a task, an unknown one at once.
inline constexpr uint32_t kSampledChannels[] = {0, 1, 7, 0};

SamplerTranscript RunBanjoSampler(fdf_dispatcher_t* device_dispatcher);
SamplerTranscript RunFidlSampler(fdf_dispatcher_t* device_dispatcher);

// Lines of the transcript: the values only with ZX_OK.
std::string SampleLine(uint32_t channel, zx_status_t status, uint32_t value);
std::string NameLine(zx_status_t status, std::string_view name);
std::string ChannelsLine(zx_status_t status, const uint32_t* channels, size_t count);

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_SAMPLER_HARNESS_H_
