// The shims of a Zircon-channel clone (fuchsia.hardware.gpio, planned on channels as Fuchsia did):
// a banjo client calling a banjo server through GpioBanjoOverChannel → Zircon channel →
// GpioChannelOverBanjo gets exactly what it gets calling the server directly; a FIDL client of
// the banjo server sees the channel protocol's error syntax and values; a server gone reads as
// ZX_ERR_PEER_CLOSED; GpioDualServer serves the same banjo methods to both.
#include <fidl/fuchsia.hardware.gpio/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/zx/interrupt.h>

#include <sstream>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::ShimTest;
namespace gpio_shims = fdfkit::shims::fuchsia_hardware_gpio;

// One pin: an input until configured as an output, which alone may be written.
class FakePin : public ddk::GpioProtocol<FakePin> {
 public:
  gpio_protocol_t proto() { return {&gpio_protocol_ops_, this}; }
  zx_status_t GpioConfigIn(uint32_t flags) {
    if (flags > GPIO_FLAGS_NO_PULL) return ZX_ERR_INVALID_ARGS;
    output_ = false;
    return ZX_OK;
  }
  zx_status_t GpioConfigOut(uint8_t initial_value) {
    output_ = true;
    value_ = initial_value;
    return ZX_OK;
  }
  zx_status_t GpioSetAltFunction(uint64_t function) {
    return function < 4 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t GpioRead(uint8_t* out_value) {
    *out_value = value_;
    return ZX_OK;
  }
  zx_status_t GpioWrite(uint8_t value) {
    if (!output_) return ZX_ERR_BAD_STATE;
    value_ = value;
    return ZX_OK;
  }
  zx_status_t GpioGetInterrupt(uint32_t flags, zx::interrupt* out_irq) {
    return zx::interrupt::create(zx::handle(), flags, ZX_INTERRUPT_VIRTUAL, out_irq);
  }
  zx_status_t GpioReleaseInterrupt() { return ZX_ERR_NOT_FOUND; }
  zx_status_t GpioSetPolarity(gpio_polarity_t polarity) {
    return polarity <= GPIO_POLARITY_HIGH ? ZX_OK : ZX_ERR_INVALID_ARGS;
  }
  zx_status_t GpioSetDriveStrength(uint64_t ds_ua, uint64_t* out_actual_ds_ua) {
    *out_actual_ds_ua = ds_ua / 1000 * 1000;
    return ZX_OK;
  }

 private:
  bool output_ = false;
  uint8_t value_ = 0;
};

std::string PinScript(const ddk::GpioProtocolClient& pin) {
  std::ostringstream t;
  uint8_t value = 0xee;
  uint64_t actual = 0;
  zx::interrupt irq;
  t << "config_in " << pin.ConfigIn(GPIO_FLAGS_NO_PULL) << " " << pin.ConfigIn(7) << "\n";
  t << "write_as_input " << pin.Write(1) << " config_out " << pin.ConfigOut(0) << " write "
    << pin.Write(1) << "\n";
  t << "read " << pin.Read(&value) << "=" << int{value} << "\n";
  t << "alt " << pin.SetAltFunction(0) << " " << pin.SetAltFunction(9) << " polarity "
    << pin.SetPolarity(GPIO_POLARITY_HIGH) << "\n";
  t << "drive " << pin.SetDriveStrength(2500, &actual) << "=" << actual << "\n";
  t << "irq " << pin.GetInterrupt(3, &irq) << " valid=" << irq.is_valid() << " release "
    << pin.ReleaseInterrupt() << "\n";
  return t.str();
}

constexpr char kPinTranscript[] =
    "config_in 0 -10\nwrite_as_input -20 config_out 0 write 0\nread 0=1\n"
    "alt 0 -14 polarity 0\ndrive 0=2000\nirq 0 valid=1 release -25\n";

class ChannelShimTest : public ShimTest {
 protected:
  // A client end of `server`, bound on the server dispatcher over a Zircon channel.
  template <typename Server>
  fidl::ClientEnd<fuchsia_hardware_gpio::Gpio> ServeOnChannel(Server* server) {
    auto endpoints = fidl::CreateEndpoints<fuchsia_hardware_gpio::Gpio>();
    EXPECT_TRUE(endpoints.is_ok());
    fidl::BindServer(fdf_dispatcher_get_async_dispatcher(server_dispatcher_),
                     std::move(endpoints->server), server);
    return std::move(endpoints->client);
  }
};

TEST_F(ChannelShimTest, GpioThroughBothChannelShimsMatchesDirectBanjo) {
  FakePin direct_server, shimmed_server;
  gpio_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  gpio_shims::GpioChannelOverBanjo fidl_server(&shimmed);
  gpio_shims::GpioBanjoOverChannel looped(ServeOnChannel(&fidl_server));
  std::string expected = PinScript(ddk::GpioProtocolClient(&direct));
  EXPECT_EQ(expected, kPinTranscript);
  EXPECT_EQ(PinScript(ddk::GpioProtocolClient(looped.proto())), expected);
  FinishServing();
}

// A FIDL client of the banjo server through GpioChannelOverBanjo sees what a channel server
// written for fuchsia.hardware.gpio would answer: error syntax, values, the handle.
TEST_F(ChannelShimTest, GpioChannelClientSeesErrorSyntaxAndValues) {
  FakePin server;
  gpio_protocol_t banjo = server.proto();
  gpio_shims::GpioChannelOverBanjo fidl_server(&banjo);
  fidl::WireSyncClient client(ServeOnChannel(&fidl_server));
  fidl::Arena arena;
  auto refused = client.buffer(arena)->Write(1);
  ASSERT_TRUE(refused.ok());
  ASSERT_TRUE(refused->is_error());
  EXPECT_EQ(refused->error_value(), ZX_ERR_BAD_STATE);
  ASSERT_TRUE(client.buffer(arena)->ConfigOut(5).ok());
  auto read = client.buffer(arena)->Read();
  ASSERT_TRUE(read.ok());
  ASSERT_FALSE(read->is_error());
  EXPECT_EQ(read->value()->value, 5);
  auto drive = client.buffer(arena)->SetDriveStrength(4321);
  ASSERT_TRUE(drive.ok());
  ASSERT_FALSE(drive->is_error());
  EXPECT_EQ(drive->value()->actual_ds_ua, 4000u);
  auto irq = client.buffer(arena)->GetInterrupt(0);
  ASSERT_TRUE(irq.ok());
  ASSERT_FALSE(irq->is_error());
  EXPECT_TRUE(irq->value()->irq.is_valid());
  FinishServing();
}

// A transport failure reads as its status: ZX_ERR_PEER_CLOSED once the server end is gone;
// out-parameters are left alone.
TEST_F(ChannelShimTest, GpioOverAClosedChannelReadsPeerClosed) {
  auto endpoints = fidl::CreateEndpoints<fuchsia_hardware_gpio::Gpio>();
  ASSERT_TRUE(endpoints.is_ok());
  gpio_shims::GpioBanjoOverChannel looped(std::move(endpoints->client));
  endpoints->server.reset();
  ddk::GpioProtocolClient pin(looped.proto());
  uint8_t value = 0xee;
  EXPECT_EQ(pin.Read(&value), ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(value, 0xee);
  EXPECT_EQ(pin.ConfigOut(1), ZX_ERR_PEER_CLOSED);
}

// GpioDualServer: one set of banjo methods, reached directly (banjo_proto, what banjo_server
// publishes) and over a channel, sharing the pin's state.
class DualPin : public gpio_shims::GpioDualServer<DualPin>, public FakePin {
 public:
  using FakePin::GpioConfigIn;
  using FakePin::GpioConfigOut;
  using FakePin::GpioGetInterrupt;
  using FakePin::GpioRead;
  using FakePin::GpioReleaseInterrupt;
  using FakePin::GpioSetAltFunction;
  using FakePin::GpioSetDriveStrength;
  using FakePin::GpioSetPolarity;
  using FakePin::GpioWrite;
};

TEST_F(ChannelShimTest, GpioDualServerServesBanjoAndTheChannelFromOneState) {
  DualPin pin;
  ddk::GpioProtocolClient banjo(pin.banjo_proto());
  gpio_shims::GpioChannelOverBanjo fidl_server(pin.banjo_proto());
  gpio_shims::GpioBanjoOverChannel over(ServeOnChannel(&fidl_server));
  ddk::GpioProtocolClient channel(over.proto());
  EXPECT_EQ(channel.Write(1), ZX_ERR_BAD_STATE);
  EXPECT_EQ(banjo.ConfigOut(0), ZX_OK);
  EXPECT_EQ(channel.Write(1), ZX_OK);
  uint8_t value = 0;
  EXPECT_EQ(banjo.Read(&value), ZX_OK);
  EXPECT_EQ(value, 1);
  FinishServing();
}

}  // namespace
