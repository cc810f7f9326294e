// Shims for interface and callback parameters (issue 20): a banjo `ethernet_ifc_protocol_t` or
// ddk-callback `pbus_sys_suspend_t` a call passes becomes the `client_end:` of its clone, as
// mapping.json says. Through FooBanjoOverDriver → driver transport → FooDriverOverBanjo the
// banjo server's calls back reach the banjo client's interface with the same arguments and
// results as when the interface is handed over directly; they run on the dispatcher the client
// shim was given; a null interface or no dispatcher is refused before anything is sent; and the
// interface's server goes away with the driver-transport shim that used it.
#include <fidl/ddk.protocol.ethernet/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.platform.bus/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/fdf/dispatcher.h>

#include <mutex>
#include <optional>
#include <sstream>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::CountedShim;
using fdfkit::testing::FakeDriver;
using fdfkit::testing::Latch;
using fdfkit::testing::ShimTest;
namespace eth_shims = fdfkit::shims::ddk_protocol_ethernet;
namespace pbus_shims = fdfkit::shims::fuchsia_hardware_platform_bus;

// ---- EthernetImpl.Start(EthernetIfc ifc): a ddk-interface ----

// The banjo client's interface: records each call and the dispatcher it ran on.
class IfcRecorder : public ddk::EthernetIfcProtocol<IfcRecorder> {
 public:
  ethernet_ifc_protocol_t proto() { return {&ethernet_ifc_protocol_ops_, this}; }
  void EthernetIfcStatus(uint32_t status) {
    std::lock_guard lock(mu_);
    log_ << "status 0x" << std::hex << status << std::dec << "\n";
    dispatcher_ = fdf_dispatcher_get_current_dispatcher();
  }
  void EthernetIfcRecv(const void* data_buffer, size_t data_size, uint32_t flags) {
    std::lock_guard lock(mu_);
    log_ << "recv " << data_size << " '"
         << std::string(static_cast<const char*>(data_buffer), data_size) << "' flags=" << flags
         << "\n";
    dispatcher_ = fdf_dispatcher_get_current_dispatcher();
  }
  std::string log() {
    std::lock_guard lock(mu_);
    return log_.str();
  }
  fdf_dispatcher_t* dispatcher() {
    std::lock_guard lock(mu_);
    return dispatcher_;
  }

 private:
  std::mutex mu_;
  std::ostringstream log_;
  fdf_dispatcher_t* dispatcher_ = nullptr;
};

// A MAC driver that keeps the interface Start gives it, reports link up at once (during Start,
// as real drivers do) and delivers frames when the test says so.
class IfcEthernet : public ddk::EthernetImplProtocol<IfcEthernet> {
 public:
  ethernet_impl_protocol_t proto() { return {&ethernet_impl_protocol_ops_, this}; }
  zx_status_t EthernetImplQuery(uint32_t options, ethernet_info_t* out_info) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  void EthernetImplStop() { ifc_.reset(); }
  zx_status_t EthernetImplStart(const ethernet_ifc_protocol_t* ifc) {
    if (ifc_) return ZX_ERR_ALREADY_BOUND;
    ifc_.emplace(ifc);
    ifc_->Status(0x1);
    return ZX_OK;
  }
  void EthernetImplQueueTx(uint32_t options, const ethernet_netbuf_t* netbuf,
                           ethernet_impl_queue_tx_callback callback, void* cookie) {
    callback(cookie, ZX_ERR_NOT_SUPPORTED, nullptr);
  }
  zx_status_t EthernetImplSetParam(eth_param_t param, int32_t value, const void* data,
                                   size_t size) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  void EthernetImplGetBti(zx::bti* out_bti) {}

  // What an interrupt thread of the driver would do.
  void Deliver(const std::string& frame, uint32_t flags) {
    ifc_->Recv(frame.data(), frame.size(), flags);
    ifc_->Status(0x0);
  }

 private:
  std::optional<ddk::EthernetIfcProtocolClient> ifc_;
};

// The raw op, so a test can pass what the helpers never would (a null interface).
zx_status_t Start(const ethernet_impl_protocol_t* eth, const ethernet_ifc_protocol_t* ifc) {
  return eth->ops->start(eth->ctx, ifc);
}

std::string IfcScript(const ethernet_impl_protocol_t* eth, IfcEthernet* server,
                      IfcRecorder* recorder) {
  std::ostringstream t;
  ethernet_ifc_protocol_t ifc = recorder->proto();
  t << "start " << Start(eth, &ifc) << "\n";
  server->Deliver("frame", 7);
  t << "again " << Start(eth, &ifc) << "\n";
  ethernet_impl_stop(eth);
  t << "restart " << Start(eth, &ifc) << "\n";
  server->Deliver("", 0);
  ethernet_impl_stop(eth);
  return t.str() + recorder->log();
}

class InterfaceShimTest : public ShimTest {
 protected:
  void SetUp() override {
    ShimTest::SetUp();
    // The MAC driver calls its interface during Start, from the dispatcher serving it: a
    // driver-transport call, which that dispatcher must allow.
    FinishServing(FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
    interface_dispatcher_ = CreateDispatcher(FakeDriver(4));
  }
  void TearDown() override {
    ShutdownAndDestroy(interface_dispatcher_);
    ShimTest::TearDown();
  }
  fdf_dispatcher_t* interface_dispatcher_ = nullptr;
};

TEST_F(InterfaceShimTest, EthernetInterfaceCallsMatchDirectBanjoAndRunOnTheGivenDispatcher) {
  IfcEthernet direct_server, shimmed_server;
  IfcRecorder direct_recorder, shimmed_recorder;
  ethernet_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const ethernet_impl_protocol_t* looped =
      Loop<ddk_protocol_ethernet::EthernetImpl, eth_shims::EthernetImplDriverOverBanjo,
           eth_shims::EthernetImplBanjoOverDriver>(&shimmed, interface_dispatcher_);
  std::string expected = IfcScript(&direct, &direct_server, &direct_recorder);
  EXPECT_EQ(expected,
            "start 0\nagain -27\nrestart 0\n"
            "status 0x1\nrecv 5 'frame' flags=7\nstatus 0x0\n"
            "status 0x1\nrecv 0 '' flags=0\nstatus 0x0\n");
  EXPECT_EQ(IfcScript(looped, &shimmed_server, &shimmed_recorder), expected);
  EXPECT_EQ(direct_recorder.dispatcher(), nullptr);  // called on the test's own thread
  EXPECT_EQ(shimmed_recorder.dispatcher(), interface_dispatcher_);
}

// A server shim owned by its binding goes with it; the banjo server keeps the interface it was
// given and calls it later, which must still reach the banjo client's interface.
TEST_F(InterfaceShimTest, TheBanjoServerKeepsItsInterfacePastTheServerShim) {
  IfcEthernet server;
  IfcRecorder recorder;
  ethernet_impl_protocol_t banjo = server.proto();
  Latch shim_destroyed;
  auto endpoints = fdf::CreateEndpoints<ddk_protocol_ethernet::EthernetImpl>();
  ASSERT_TRUE(endpoints.is_ok());
  fdf::BindServer(server_dispatcher_, std::move(endpoints->server),
                  std::make_unique<CountedShim<eth_shims::EthernetImplDriverOverBanjo>>(
                      &banjo, &shim_destroyed));
  {
    eth_shims::EthernetImplBanjoOverDriver client(std::move(endpoints->client),
                                                  interface_dispatcher_);
    ethernet_ifc_protocol_t ifc = recorder.proto();
    EXPECT_EQ(Start(client.proto(), &ifc), ZX_OK);
  }  // the client goes: its connection ends, and with it the server shim
  ASSERT_TRUE(shim_destroyed.Wait());
  server.Deliver("late", 1);
  EXPECT_EQ(recorder.log(), "status 0x1\nrecv 4 'late' flags=1\nstatus 0x0\n");
  fdfkit::shims::ReleaseKeptBy(banjo.ctx);  // the banjo server goes with the test
}

TEST_F(InterfaceShimTest, ANullInterfaceOrNoDispatcherIsRefusedBeforeTheServerIsCalled) {
  IfcEthernet server;
  IfcRecorder recorder;
  ethernet_impl_protocol_t banjo = server.proto();
  ethernet_ifc_protocol_t ifc = recorder.proto();
  const ethernet_impl_protocol_t* looped =
      Loop<ddk_protocol_ethernet::EthernetImpl, eth_shims::EthernetImplDriverOverBanjo,
           eth_shims::EthernetImplBanjoOverDriver>(&banjo, interface_dispatcher_);
  EXPECT_EQ(Start(looped, nullptr), ZX_ERR_INVALID_ARGS);
  // A client shim made off any dispatcher, without one given, has nowhere to serve it.
  const ethernet_impl_protocol_t* homeless =
      Loop<ddk_protocol_ethernet::EthernetImpl, eth_shims::EthernetImplDriverOverBanjo,
           eth_shims::EthernetImplBanjoOverDriver>(&banjo, nullptr);
  EXPECT_EQ(Start(homeless, &ifc), ZX_ERR_BAD_STATE);
  // Neither reached the server: the first real Start is accepted, not ALREADY_BOUND.
  EXPECT_EQ(Start(looped, &ifc), ZX_OK);
  EXPECT_EQ(recorder.log(), "status 0x1\n");
}

// ---- PBus.RegisterSysSuspendCallback(PbusSysSuspend suspend_cb): a ddk-callback ----

class FakePBus : public ddk::PBusProtocol<FakePBus> {
 public:
  pbus_protocol_t proto() { return {&pbus_protocol_ops_, this}; }
  zx_status_t PBusDeviceAdd(const pbus_dev_t* dev) { return ZX_ERR_NOT_SUPPORTED; }
  zx_status_t PBusAddComposite(const pbus_dev_t* dev, uint64_t fragments,
                               uint64_t fragments_count, const char* primary_fragment) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  zx_status_t PBusGetBoardInfo(pdev_board_info_t* out_info) { return ZX_ERR_NOT_SUPPORTED; }
  zx_status_t PBusSetBoardInfo(const pdev_board_info_t* info) { return ZX_ERR_NOT_SUPPORTED; }
  zx_status_t PBusRegisterSysSuspendCallback(const pbus_sys_suspend_t* suspend_cb) {
    if (suspend_cb->callback == nullptr) return ZX_ERR_INVALID_ARGS;
    suspend_cb_ = *suspend_cb;  // a callback is a value: the function and its context
    return ZX_OK;
  }
  // What the platform bus does when the system suspends.
  zx_status_t Suspend(uint8_t state, bool wake, uint8_t reason, uint8_t* out_state) {
    return suspend_cb_.callback(suspend_cb_.ctx, state, wake, reason, out_state);
  }

 private:
  pbus_sys_suspend_t suspend_cb_{};
};

struct SuspendRecorder {
  std::string log;
  fdf_dispatcher_t* dispatcher = nullptr;
  static zx_status_t OnSuspend(void* ctx, uint8_t requested_state, bool enable_wake,
                               uint8_t suspend_reason, uint8_t* out_out_state) {
    auto* self = static_cast<SuspendRecorder*>(ctx);
    self->dispatcher = fdf_dispatcher_get_current_dispatcher();
    self->log += "suspend " + std::to_string(requested_state) + (enable_wake ? " wake" : "") +
                 " reason=" + std::to_string(suspend_reason) + "\n";
    if (requested_state > 3) return ZX_ERR_OUT_OF_RANGE;
    *out_out_state = static_cast<uint8_t>(requested_state | (enable_wake ? 0x80 : 0));
    return ZX_OK;
  }
};

std::string SuspendScript(const pbus_protocol_t* bus, FakePBus* server,
                          SuspendRecorder* recorder) {
  std::ostringstream t;
  pbus_sys_suspend_t callback{SuspendRecorder::OnSuspend, recorder};
  t << "register " << pbus_register_sys_suspend_callback(bus, &callback) << "\n";
  for (uint8_t state : {uint8_t{1}, uint8_t{9}}) {
    uint8_t out_state = 0xee;
    zx_status_t status = server->Suspend(state, state == 1, 2, &out_state);
    t << "state " << int{state} << ": " << status << " out=0x" << std::hex << int{out_state}
      << std::dec << "\n";
  }
  return t.str() + recorder->log;
}

TEST_F(InterfaceShimTest, PBusSuspendCallbackMatchesDirectBanjo) {
  FakePBus direct_server, shimmed_server;
  SuspendRecorder direct_recorder, shimmed_recorder;
  pbus_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const pbus_protocol_t* looped =
      Loop<fuchsia_hardware_platform_bus::PlatformBus, pbus_shims::PBusDriverOverBanjo,
           pbus_shims::PBusBanjoOverDriver>(&shimmed, interface_dispatcher_);
  std::string expected = SuspendScript(&direct, &direct_server, &direct_recorder);
  EXPECT_EQ(expected,
            "register 0\nstate 1: 0 out=0x81\nstate 9: -14 out=0xee\n"
            "suspend 1 wake reason=2\nsuspend 9 reason=2\n");
  EXPECT_EQ(SuspendScript(looped, &shimmed_server, &shimmed_recorder), expected);
  EXPECT_EQ(shimmed_recorder.dispatcher, interface_dispatcher_);
}

}  // namespace
