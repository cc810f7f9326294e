// EXIT: 1
// --mode=replace writes driver-transport code only: a library whose clone is on Zircon channels
// (as fuchsia.hardware.gpio's is) is left banjo, include and uses, and said once, at its include,
// rather than rewritten into driver-transport code its channel bindings would not compile.
// MAPPING-TEXT: {"schema": "fdfkit-mapping/1", "library": {"banjo": "fuchsia.hardware.spiimpl", "fidl": "fuchsia.hardware.spiimpl"}, "protocols": [{"banjo": {"protocol": "SpiImpl", "layout": "ddk-protocol", "cpp_client": "ddk::SpiImplProtocolClient", "cpp_mixin": "ddk::SpiImplProtocol"}, "fidl": {"protocol": "SpiImpl", "openness": "closed", "transport": "channel"}, "methods": []}]}
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV070] fuchsia.hardware.spiimpl is cloned onto Zircon channels (fuchsia.hardware.spiimpl), and --mode=replace writes the driver transport only: its uses stay banjo (port them by hand to fidl::WireServer and fidl::WireSyncClient, or keep --mode=dual): not rewritten
// CHECK-FIXES: #include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-FIXES-NOT: wire.h

class Bus : public ddk::SpiImplProtocol<Bus> {
  // CHECK-FIXES: class Bus : public ddk::SpiImplProtocol<Bus> {
 public:
  uint32_t Chips() { return spi_.GetChipSelectCount(); }
  // CHECK-FIXES: uint32_t Chips() { return spi_.GetChipSelectCount(); }

 private:
  ddk::SpiImplProtocolClient spi_;
  // CHECK-FIXES: ddk::SpiImplProtocolClient spi_;
};

int main() {
  Bus bus;
  return bus.Chips() == 1 ? 0 : 1;
}
