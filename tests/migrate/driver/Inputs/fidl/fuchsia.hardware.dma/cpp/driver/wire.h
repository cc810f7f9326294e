// Stand-in for the driver-transport bindings of the test protocol fuchsia.hardware.dma's clone:
// the wire elements, the requests and response that hold them, the client and the server.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include <algorithm>

namespace fuchsia_hardware_dma {
class Dma;
namespace wire {
enum class DmaDirection : uint32_t { kToDevice = 1, kFromDevice = 2 };
struct DmaSegment {
  DmaDirection direction;
  fidl::VectorView<uint8_t> data;
};
struct DmaSegmentData {
  fidl::VectorView<uint8_t> data;
};
struct DmaDescriptor {
  uint32_t stride;
  fidl::VectorView<uint32_t> words;
  bool last;
};
struct DmaTransferRequest {
  uint32_t channel;
  fidl::VectorView<DmaSegment> segment;
};
struct DmaTransferResponse {
  fidl::VectorView<DmaSegmentData> segment_data;
};
struct DmaProgramRequest {
  fidl::VectorView<DmaDescriptor> descriptor;
};
struct DmaQueueRequest {
  fidl::VectorView<DmaDescriptor> descriptor;
};
struct Empty {};
}  // namespace wire
struct Service {
  struct Device {
    using ProtocolType = Dma;
  };
  struct Members {
    int device;
  };
  struct InstanceHandler {
    explicit InstanceHandler(Members) {}
  };
};

class DmaCalls {
 public:
  DmaCalls* operator->() { return this; }
  fidl::Result<wire::DmaTransferResponse> Transfer(uint32_t channel,
                                                   fidl::VectorView<wire::DmaSegment> segment) {
    return {};
  }
  fidl::Result<wire::Empty> Program(fidl::VectorView<wire::DmaDescriptor> descriptor) {
    return {};
  }
};
}  // namespace fuchsia_hardware_dma

template <>
class fdf::WireSyncClient<fuchsia_hardware_dma::Dma> {
 public:
  bool is_valid() const { return true; }
  fuchsia_hardware_dma::DmaCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_dma::Dma> {
 public:
  using TransferRequestView = fuchsia_hardware_dma::wire::DmaTransferRequest*;
  using TransferCompleter =
      fidl::Completer<fidl::VectorView<fuchsia_hardware_dma::wire::DmaSegmentData>>;
  virtual void Transfer(TransferRequestView, Arena&, TransferCompleter::Sync&) {}
  using ProgramRequestView = fuchsia_hardware_dma::wire::DmaProgramRequest*;
  using ProgramCompleter = fidl::Completer<>;
  virtual void Program(ProgramRequestView, Arena&, ProgramCompleter::Sync&) {}
};
