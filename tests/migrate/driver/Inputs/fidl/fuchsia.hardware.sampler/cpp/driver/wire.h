// Stand-in for the driver-transport bindings of the test protocol fuchsia.hardware.sampler's
// clone: the async client (calls completed through ThenExactlyOnce, blocking ones through
// sync()), the sync client, and the server whose completer can be held past the method (ToAsync).
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

namespace fuchsia_hardware_sampler {
namespace wire {
struct SamplerGetResolutionResponse {
  uint8_t bits;
};
struct SamplerReadSampleRequest {
  uint32_t channel;
};
struct SamplerReadSampleResponse {
  uint32_t value;
};
}  // namespace wire

class Sampler {
 public:
  struct GetResolution {
    using Response = wire::SamplerGetResolutionResponse;
  };
  struct ReadSample {
    using Response = wire::SamplerReadSampleResponse;
  };
};
struct Service {
  struct Device {
    using ProtocolType = Sampler;
  };
  struct Members {
    int device;
  };
  struct InstanceHandler {
    explicit InstanceHandler(Members) {}
  };
};

class SamplerSyncCalls {
 public:
  SamplerSyncCalls* operator->() { return this; }
  fidl::Result<wire::SamplerGetResolutionResponse> GetResolution() { return {}; }
  fidl::Result<wire::SamplerReadSampleResponse> ReadSample(uint32_t channel) { return {}; }
};
class SamplerAsyncCalls {
 public:
  SamplerAsyncCalls* operator->() { return this; }
  fidl::Thenable<Sampler::GetResolution> GetResolution() { return {}; }
  fidl::Thenable<Sampler::ReadSample> ReadSample(uint32_t channel) { return {}; }
};
class SamplerSyncView {
 public:
  SamplerSyncCalls buffer(const fdf::Arena&) const { return {}; }
};
}  // namespace fuchsia_hardware_sampler

template <>
class fdf::WireClient<fuchsia_hardware_sampler::Sampler> {
 public:
  bool is_valid() const { return true; }
  template <typename End>
  void Bind(End&&, void* dispatcher) {}
  fuchsia_hardware_sampler::SamplerAsyncCalls buffer(const Arena&) const { return {}; }
  fuchsia_hardware_sampler::SamplerSyncView sync() const { return {}; }
};
template <>
class fdf::WireSyncClient<fuchsia_hardware_sampler::Sampler> {
 public:
  bool is_valid() const { return true; }
  template <typename End>
  void Bind(End&&) {}
  fuchsia_hardware_sampler::SamplerSyncCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_sampler::Sampler> {
 public:
  using GetResolutionCompleter = fidl::Completer<uint8_t>;
  virtual void GetResolution(Arena&, GetResolutionCompleter::Sync&) {}
  using ReadSampleRequestView = fuchsia_hardware_sampler::wire::SamplerReadSampleRequest*;
  using ReadSampleCompleter = fidl::Completer<uint32_t>;
  virtual void ReadSample(ReadSampleRequestView, Arena&, ReadSampleCompleter::Sync&) {}
};
