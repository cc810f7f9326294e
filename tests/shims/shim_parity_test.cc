// Behavioural parity of the generated shims (issue 20): a banjo client calling a banjo server
// through FooBanjoOverDriver → driver transport → FooDriverOverBanjo gets exactly what it gets
// calling the server directly — statuses, out-parameters, several results, handles, strings,
// caller-allocated buffers and their too-small case. Each test runs one script twice, directly
// and through the shims, against two fresh servers, and compares the transcripts (and pins the
// direct one, so a server that does nothing cannot pass).
#include <fidl/ddk.protocol.scpi/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.fan/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.powerimpl/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.rtc/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.spiimpl/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.thermalimpl/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>
#include <lib/zx/vmo.h>

#include <map>
#include <sstream>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::ShimTest;

// ---- GpioImpl: status → error, out scalars, an out handle, an enum ----

class FakeGpio : public ddk::GpioImplProtocol<FakeGpio> {
 public:
  gpio_impl_protocol_t proto() { return {&gpio_impl_protocol_ops_, this}; }
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags) {
    return index < 8 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t GpioImplConfigOut(uint32_t index, uint8_t initial_value) {
    return GpioImplWrite(index, initial_value);
  }
  zx_status_t GpioImplSetAltFunction(uint32_t index, uint64_t function) {
    return function < 4 ? ZX_OK : ZX_ERR_INVALID_ARGS;
  }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    if (index >= 8) return ZX_ERR_OUT_OF_RANGE;
    *out_value = values_[index];
    return ZX_OK;
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    if (index >= 8) return ZX_ERR_OUT_OF_RANGE;
    values_[index] = value;
    return ZX_OK;
  }
  zx_status_t GpioImplGetInterrupt(uint32_t index, uint32_t flags, zx::interrupt* out_irq) {
    if (index >= 8) return ZX_ERR_OUT_OF_RANGE;
    return zx::interrupt::create(zx::handle(), index, ZX_INTERRUPT_VIRTUAL, out_irq);
  }
  zx_status_t GpioImplReleaseInterrupt(uint32_t index) { return ZX_ERR_NOT_FOUND; }
  zx_status_t GpioImplSetPolarity(uint32_t index, gpio_polarity_t polarity) {
    return polarity <= GPIO_POLARITY_HIGH ? ZX_OK : ZX_ERR_INVALID_ARGS;
  }
  zx_status_t GpioImplSetDriveStrength(uint32_t index, uint64_t ds_ua, uint64_t* out_actual) {
    *out_actual = ds_ua / 1000 * 1000;
    return ZX_OK;
  }

 private:
  uint8_t values_[8] = {};
};

std::string GpioScript(const ddk::GpioImplProtocolClient& gpio) {
  std::ostringstream t;
  uint8_t value = 0xee;
  uint64_t actual = 0;
  zx::interrupt irq;
  t << "config_in " << gpio.ConfigIn(2, 1) << " " << gpio.ConfigIn(9, 1) << "\n";
  t << "write " << gpio.Write(3, 1) << " config_out " << gpio.ConfigOut(4, 7) << "\n";
  t << "read " << gpio.Read(3, &value) << "=" << int{value};
  t << " " << gpio.Read(4, &value) << "=" << int{value};
  value = 0xee;
  t << " bad " << gpio.Read(8, &value) << "=" << int{value} << "\n";
  t << "alt " << gpio.SetAltFunction(1, 9) << " polarity " << gpio.SetPolarity(1, GPIO_POLARITY_HIGH)
    << "\n";
  t << "drive " << gpio.SetDriveStrength(1, 2500, &actual) << "=" << actual << "\n";
  t << "irq " << gpio.GetInterrupt(5, 0, &irq) << " valid=" << irq.is_valid()
    << " release " << gpio.ReleaseInterrupt(5) << "\n";
  return t.str();
}

namespace gpio_shims = fdfkit::shims::fuchsia_hardware_gpioimpl;
using GpioLoop = std::tuple<fuchsia_hardware_gpioimpl::GpioImpl, gpio_shims::GpioImplDriverOverBanjo,
                            gpio_shims::GpioImplBanjoOverDriver>;

TEST_F(ShimTest, GpioImplThroughBothShimsMatchesDirectBanjo) {
  FakeGpio direct_server, shimmed_server;
  gpio_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const gpio_impl_protocol_t* looped =
      Loop<fuchsia_hardware_gpioimpl::GpioImpl, gpio_shims::GpioImplDriverOverBanjo,
           gpio_shims::GpioImplBanjoOverDriver>(&shimmed);
  std::string expected = GpioScript(ddk::GpioImplProtocolClient(&direct));
  EXPECT_EQ(expected,
            "config_in 0 -14\nwrite 0 config_out 0\nread 0=1 0=7 bad -14=238\n"
            "alt -10 polarity 0\ndrive 0=2000\nirq 0 valid=1 release -25\n");
  EXPECT_EQ(GpioScript(ddk::GpioImplProtocolClient(looped)), expected);
}

// A FIDL client of the banjo server through FooDriverOverBanjo sees what a FIDL server written
// for the driver transport would answer: error syntax, values, the handle.
TEST_F(ShimTest, GpioImplFidlClientSeesErrorSyntaxAndValues) {
  FakeGpio server;
  gpio_impl_protocol_t banjo = server.proto();
  gpio_shims::GpioImplDriverOverBanjo fidl_server(&banjo);
  fdf::WireSyncClient client(Serve<fuchsia_hardware_gpioimpl::GpioImpl>(&fidl_server));
  fdf::Arena arena('TEST');
  auto write = client.buffer(arena)->Write(3, 9);
  ASSERT_TRUE(write.ok());
  EXPECT_FALSE(write->is_error());
  auto read = client.buffer(arena)->Read(3);
  ASSERT_TRUE(read.ok());
  ASSERT_FALSE(read->is_error());
  EXPECT_EQ(read->value()->value, 9);
  auto bad = client.buffer(arena)->Read(8);
  ASSERT_TRUE(bad.ok());
  ASSERT_TRUE(bad->is_error());
  EXPECT_EQ(bad->error_value(), ZX_ERR_OUT_OF_RANGE);
  auto irq = client.buffer(arena)->GetInterrupt(1, 0);
  ASSERT_TRUE(irq.ok());
  ASSERT_FALSE(irq->is_error());
  EXPECT_TRUE(irq->value()->irq.is_valid());
  client = {};
  FinishServing();
}

// A transport failure reads as its status, documented as ZX_ERR_PEER_CLOSED once the server is
// gone; out-parameters are left alone.
TEST_F(ShimTest, GpioImplAfterTheServerLeftReadsPeerClosed) {
  FakeGpio server;
  gpio_impl_protocol_t banjo = server.proto();
  const gpio_impl_protocol_t* looped =
      Loop<fuchsia_hardware_gpioimpl::GpioImpl, gpio_shims::GpioImplDriverOverBanjo,
           gpio_shims::GpioImplBanjoOverDriver>(&banjo);
  ddk::GpioImplProtocolClient gpio(looped);
  ASSERT_EQ(gpio.Write(1, 5), ZX_OK);
  CloseServers();
  uint8_t value = 0xee;
  EXPECT_EQ(gpio.Read(1, &value), ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(value, 0xee);
}

// ---- SpiImpl: @buffer in, a caller-allocated @buffer out, handles moved both ways, a
// non-status return, a one-way method ----

class FakeSpi : public ddk::SpiImplProtocol<FakeSpi> {
 public:
  spi_impl_protocol_t proto() { return {&spi_impl_protocol_ops_, this}; }
  uint32_t SpiImplGetChipSelectCount() { return 3; }
  zx_status_t SpiImplExchange(uint32_t cs, const uint8_t* tx, size_t tx_size, uint8_t* rx,
                              size_t rx_size, size_t* rx_actual) {
    if (cs >= 3) return ZX_ERR_OUT_OF_RANGE;
    // Echoes the bytes reversed, one more than it received.
    if (tx_size + 1 > rx_size) return ZX_ERR_BUFFER_TOO_SMALL;
    for (size_t i = 0; i < tx_size; ++i) rx[i] = tx[tx_size - 1 - i];
    rx[tx_size] = static_cast<uint8_t>(tx_size);
    *rx_actual = tx_size + 1;
    return ZX_OK;
  }
  zx_status_t SpiImplRegisterVmo(uint32_t cs, uint32_t vmo_id, zx::vmo vmo, uint64_t offset,
                                 uint64_t size, uint32_t rights) {
    if (!vmo.is_valid()) return ZX_ERR_BAD_HANDLE;
    vmos_[vmo_id] = std::move(vmo);
    return ZX_OK;
  }
  zx_status_t SpiImplUnregisterVmo(uint32_t cs, uint32_t vmo_id, zx::vmo* out_vmo) {
    auto it = vmos_.find(vmo_id);
    if (it == vmos_.end()) return ZX_ERR_NOT_FOUND;
    *out_vmo = std::move(it->second);
    vmos_.erase(it);
    return ZX_OK;
  }
  void SpiImplReleaseRegisteredVmos(uint32_t cs) { vmos_.clear(); }
  zx_status_t SpiImplTransmitVmo(uint32_t cs, uint32_t vmo_id, uint64_t offset, uint64_t size) {
    return vmos_.count(vmo_id) ? ZX_OK : ZX_ERR_NOT_FOUND;
  }
  zx_status_t SpiImplLockBus(uint32_t cs) { return ZX_OK; }
  zx_status_t SpiImplUnlockBus(uint32_t cs) { return ZX_ERR_BAD_STATE; }

 private:
  std::map<uint32_t, zx::vmo> vmos_;
};

std::string SpiScript(const ddk::SpiImplProtocolClient& spi) {
  std::ostringstream t;
  t << "count " << spi.GetChipSelectCount() << "\n";
  const uint8_t tx[] = {1, 2, 3, 4};
  uint8_t rx[8];
  std::memset(rx, 0xee, sizeof rx);
  size_t actual = 99;
  t << "exchange " << spi.Exchange(0, tx, sizeof tx, rx, sizeof rx, &actual) << " actual="
    << actual << " rx=";
  for (uint8_t b : rx) t << int{b} << ",";
  std::memset(rx, 0xee, sizeof rx);
  actual = 99;
  // The server refuses a buffer it cannot fill; the guard bytes stay.
  t << "\nsmall " << spi.Exchange(0, tx, sizeof tx, rx, 4, &actual) << " rx[4]=" << int{rx[4]}
    << "\nbad cs " << spi.Exchange(7, tx, sizeof tx, rx, sizeof rx, &actual) << "\n";
  zx::vmo vmo;
  EXPECT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
  t << "register " << spi.RegisterVmo(0, 5, std::move(vmo), 0, 4096, 3)
    << " moved=" << !vmo.is_valid() << " transmit " << spi.TransmitVmo(0, 5, 0, 16)
    << " missing " << spi.TransmitVmo(0, 6, 0, 16) << "\n";
  zx::vmo back;
  t << "unregister " << spi.UnregisterVmo(0, 5, &back) << " valid=" << back.is_valid()
    << " again " << spi.UnregisterVmo(0, 5, &back) << "\n";
  spi.ReleaseRegisteredVmos(0);
  t << "lock " << spi.LockBus(0) << " unlock " << spi.UnlockBus(0) << "\n";
  return t.str();
}

namespace spi_shims = fdfkit::shims::fuchsia_hardware_spiimpl;

TEST_F(ShimTest, SpiImplThroughBothShimsMatchesDirectBanjo) {
  FakeSpi direct_server, shimmed_server;
  spi_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const spi_impl_protocol_t* looped =
      Loop<fuchsia_hardware_spiimpl::SpiImpl, spi_shims::SpiImplDriverOverBanjo,
           spi_shims::SpiImplBanjoOverDriver>(&shimmed);
  std::string expected = SpiScript(ddk::SpiImplProtocolClient(&direct));
  EXPECT_EQ(expected,
            "count 3\nexchange 0 actual=5 rx=4,3,2,1,4,238,238,238,\nsmall -15 rx[4]=238\n"
            "bad cs -14\nregister 0 moved=1 transmit 0 missing -25\n"
            "unregister 0 valid=1 again -25\nlock 0 unlock -20\n");
  EXPECT_EQ(SpiScript(ddk::SpiImplProtocolClient(looped)), expected);
}

// The banjo-over-FIDL direction checks the caller's capacity itself: a FIDL server that returns
// more than the caller's buffer holds gets ZX_ERR_BUFFER_TOO_SMALL, with the count it needs and
// nothing written past the buffer.
class OversizedSpi : public fdf::WireServer<fuchsia_hardware_spiimpl::SpiImpl> {
 public:
  void GetChipSelectCount(fdf::Arena& arena, GetChipSelectCountCompleter::Sync& c) override {
    c.buffer(arena).Reply(1);
  }
  void Exchange(ExchangeRequestView request, fdf::Arena& arena,
                ExchangeCompleter::Sync& c) override {
    std::vector<uint8_t> rx(6, 0x5a);
    c.buffer(arena).ReplySuccess(fidl::VectorView<uint8_t>::FromExternal(rx));
  }
  void RegisterVmo(RegisterVmoRequestView, fdf::Arena& arena, RegisterVmoCompleter::Sync& c) override {
    c.buffer(arena).ReplyError(ZX_ERR_NOT_SUPPORTED);
  }
  void UnregisterVmo(UnregisterVmoRequestView, fdf::Arena& arena,
                     UnregisterVmoCompleter::Sync& c) override {
    c.buffer(arena).ReplyError(ZX_ERR_NOT_SUPPORTED);
  }
  void ReleaseRegisteredVmos(ReleaseRegisteredVmosRequestView, fdf::Arena& arena,
                             ReleaseRegisteredVmosCompleter::Sync& c) override {}
  void TransmitVmo(TransmitVmoRequestView, fdf::Arena& arena, TransmitVmoCompleter::Sync& c) override {
    c.buffer(arena).ReplyError(ZX_ERR_NOT_SUPPORTED);
  }
  void LockBus(LockBusRequestView, fdf::Arena& arena, LockBusCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void UnlockBus(UnlockBusRequestView, fdf::Arena& arena, UnlockBusCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
};

TEST_F(ShimTest, SpiImplOversizedReplyIsBufferTooSmallNeverAnOverrun) {
  OversizedSpi server;
  auto client_end = Serve<fuchsia_hardware_spiimpl::SpiImpl>(&server);
  {
    spi_shims::SpiImplBanjoOverDriver shim(std::move(client_end));
    ddk::SpiImplProtocolClient spi(shim.proto());
    uint8_t rx[8];
    std::memset(rx, 0xee, sizeof rx);
    size_t actual = 0;
    const uint8_t tx[] = {1};
    EXPECT_EQ(spi.Exchange(0, tx, 1, rx, 4, &actual), ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 6u);
    for (uint8_t b : rx) EXPECT_EQ(b, 0xee);
    EXPECT_EQ(spi.Exchange(0, tx, 1, rx, 8, &actual), ZX_OK);
    EXPECT_EQ(actual, 6u);
    EXPECT_EQ(rx[5], 0x5a);
    EXPECT_EQ(rx[6], 0xee);
  }
  FinishServing();
}

// ---- Fan: a struct with a bounded string out, an interrupt out, an enum in ----

class FakeFan : public ddk::FanProtocol<FakeFan> {
 public:
  fan_protocol_t proto() { return {&fan_protocol_ops_, this}; }
  zx_status_t FanGetInfo(fan_info_t* out_info) {
    out_info->max_rpm = 4800;
    std::strcpy(out_info->name, "case-fan-0");
    out_info->has_tachometer = true;
    return ZX_OK;
  }
  zx_status_t FanSetState(fan_state_t state) {
    if (state > FAN_STATE_HIGH) return ZX_ERR_INVALID_ARGS;
    state_ = state;
    return ZX_OK;
  }
  zx_status_t FanGetTachInterrupt(zx::interrupt* out_irq) {
    return zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, out_irq);
  }
  zx_status_t FanReadRpm(uint32_t* out_rpm) {
    *out_rpm = state_ * 1600;
    return ZX_OK;
  }

 private:
  fan_state_t state_ = FAN_STATE_OFF;
};

std::string FanScript(const ddk::FanProtocolClient& fan) {
  std::ostringstream t;
  fan_info_t info;
  std::memset(&info, 0, sizeof info);
  t << "info " << fan.GetInfo(&info) << " " << info.max_rpm << " '" << info.name << "' "
    << info.has_tachometer << "\n";
  uint32_t rpm = 0;
  t << "set " << fan.SetState(FAN_STATE_HIGH) << " rpm " << fan.ReadRpm(&rpm) << "=" << rpm;
  zx::interrupt irq;
  t << " irq " << fan.GetTachInterrupt(&irq) << " " << irq.is_valid() << "\n";
  return t.str();
}

namespace fan_shims = fdfkit::shims::fuchsia_hardware_fan;

TEST_F(ShimTest, FanThroughBothShimsMatchesDirectBanjo) {
  FakeFan direct_server, shimmed_server;
  fan_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const fan_protocol_t* looped =
      Loop<fuchsia_hardware_fan::Fan, fan_shims::FanDriverOverBanjo, fan_shims::FanBanjoOverDriver>(
          &shimmed);
  std::string expected = FanScript(ddk::FanProtocolClient(&direct));
  EXPECT_EQ(expected, "info 0 4800 'case-fan-0' 1\nset 0 rpm 0=3200 irq 0 1\n");
  EXPECT_EQ(FanScript(ddk::FanProtocolClient(looped)), expected);
}

// ---- PowerImpl: several results from one call, an enum out ----

class FakePower : public ddk::PowerImplProtocol<FakePower> {
 public:
  power_impl_protocol_t proto() { return {&power_impl_protocol_ops_, this}; }
  zx_status_t PowerImplGetPowerDomainStatus(uint32_t index, power_domain_status_t* out_status) {
    *out_status = enabled_ ? POWER_DOMAIN_STATUS_ENABLED : POWER_DOMAIN_STATUS_DISABLED;
    return ZX_OK;
  }
  zx_status_t PowerImplEnablePowerDomain(uint32_t index) {
    enabled_ = true;
    return ZX_OK;
  }
  zx_status_t PowerImplDisablePowerDomain(uint32_t index) { return ZX_ERR_BAD_STATE; }
  zx_status_t PowerImplGetSupportedVoltageRange(uint32_t index, uint32_t* out_min,
                                                uint32_t* out_max) {
    *out_min = 800'000 + index;
    *out_max = 1'300'000 + index;
    return ZX_OK;
  }
  zx_status_t PowerImplRequestVoltage(uint32_t index, uint32_t voltage, uint32_t* out_actual) {
    *out_actual = voltage / 12500 * 12500;
    return ZX_OK;
  }
  zx_status_t PowerImplWritePmicCtrlReg(uint32_t index, uint32_t addr, uint32_t value) {
    regs_[addr] = value;
    return ZX_OK;
  }
  zx_status_t PowerImplReadPmicCtrlReg(uint32_t index, uint32_t addr, uint32_t* out_value) {
    if (!regs_.count(addr)) return ZX_ERR_NOT_FOUND;
    *out_value = regs_[addr];
    return ZX_OK;
  }

 private:
  bool enabled_ = false;
  std::map<uint32_t, uint32_t> regs_;
};

std::string PowerScript(const ddk::PowerImplProtocolClient& power) {
  std::ostringstream t;
  power_domain_status_t status = 0;
  uint32_t min = 0, max = 0, actual = 0, value = 0;
  t << "status " << power.GetPowerDomainStatus(0, &status) << "=" << int{status};
  t << " enable " << power.EnablePowerDomain(0) << " disable " << power.DisablePowerDomain(0);
  t << " status " << power.GetPowerDomainStatus(0, &status) << "=" << int{status} << "\n";
  t << "range " << power.GetSupportedVoltageRange(2, &min, &max) << " " << min << ".." << max;
  t << " request " << power.RequestVoltage(0, 1'010'000, &actual) << "=" << actual << "\n";
  t << "pmic " << power.WritePmicCtrlReg(0, 0x10, 0xabcd) << " "
    << power.ReadPmicCtrlReg(0, 0x10, &value) << "=" << value << " "
    << power.ReadPmicCtrlReg(0, 0x11, &value) << "\n";
  return t.str();
}

namespace power_shims = fdfkit::shims::fuchsia_hardware_powerimpl;

TEST_F(ShimTest, PowerImplThroughBothShimsMatchesDirectBanjo) {
  FakePower direct_server, shimmed_server;
  power_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const power_impl_protocol_t* looped =
      Loop<fuchsia_hardware_powerimpl::PowerImpl, power_shims::PowerImplDriverOverBanjo,
           power_shims::PowerImplBanjoOverDriver>(&shimmed);
  std::string expected = PowerScript(ddk::PowerImplProtocolClient(&direct));
  EXPECT_EQ(expected,
            "status 0=1 enable 0 disable -20 status 0=2\nrange 0 800002..1300002 request "
            "0=1000000\npmic 0 0=43981 -25\n");
  EXPECT_EQ(PowerScript(ddk::PowerImplProtocolClient(looped)), expected);
}

// ---- Rtc: a struct in and out ----

class FakeRtc : public ddk::RtcProtocol<FakeRtc> {
 public:
  rtc_protocol_t proto() { return {&rtc_protocol_ops_, this}; }
  zx_status_t RtcGet(rtc_time_t* out_rtc) {
    *out_rtc = time_;
    return ZX_OK;
  }
  zx_status_t RtcSet(const rtc_time_t* rtc) {
    if (rtc->month == 0 || rtc->month > 12) return ZX_ERR_OUT_OF_RANGE;
    time_ = *rtc;
    return ZX_OK;
  }

 private:
  rtc_time_t time_{0, 0, 0, 1, 1, 2000};
};

std::string RtcScript(const ddk::RtcProtocolClient& rtc) {
  std::ostringstream t;
  rtc_time_t now{};
  t << "get " << rtc.Get(&now) << " " << now.year << "-" << int{now.month} << "\n";
  rtc_time_t set{5, 4, 3, 2, 11, 2026};
  rtc_time_t bad{5, 4, 3, 2, 13, 2026};
  t << "set " << rtc.Set(&set) << " bad " << rtc.Set(&bad);
  t << " get " << rtc.Get(&now) << " " << now.year << "-" << int{now.month} << "-"
    << int{now.day} << " " << int{now.hours} << ":" << int{now.minutes} << ":"
    << int{now.seconds} << "\n";
  return t.str();
}

namespace rtc_shims = fdfkit::shims::fuchsia_hardware_rtc;

TEST_F(ShimTest, RtcThroughBothShimsMatchesDirectBanjo) {
  FakeRtc direct_server, shimmed_server;
  rtc_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const rtc_protocol_t* looped =
      Loop<fuchsia_hardware_rtc::Rtc, rtc_shims::RtcDriverOverBanjo, rtc_shims::RtcBanjoOverDriver>(
          &shimmed);
  std::string expected = RtcScript(ddk::RtcProtocolClient(&direct));
  EXPECT_EQ(expected, "get 0 2000-1\nset 0 bad -14 get 0 2026-11-2 3:4:5\n");
  EXPECT_EQ(RtcScript(ddk::RtcProtocolClient(looped)), expected);
}

// ---- ThermalImpl (D5): `error zx.Status` in banjo itself, a table (a struct of every field in
// banjo's C) with a vector of structs, an optional handle out ----

class FakeThermal : public ddk::ThermalImplProtocol<FakeThermal> {
 public:
  thermal_impl_protocol_t proto() { return {&thermal_impl_protocol_ops_, this}; }
  zx_status_t ThermalImplGetInfo(thermal_info_t* out_info) {
    out_info->trip_points_list = points_;
    out_info->trip_points_count = count_;
    out_info->passive_temperature = 71.5f;
    return ZX_OK;
  }
  zx_status_t ThermalImplGetTemperature(float* out_celsius) {
    *out_celsius = 42.25f;
    return ZX_OK;
  }
  zx_status_t ThermalImplSetTripPoint(uint32_t index, const trip_point_t* point) {
    if (index > count_ || index >= 4) return ZX_ERR_OUT_OF_RANGE;
    if (point->celsius <= point->hysteresis) return ZX_ERR_INVALID_ARGS;
    points_[index] = *point;
    count_ = std::max<size_t>(count_, index + 1);
    return ZX_OK;
  }
  zx_status_t ThermalImplGetNotifyEvent(zx::event* out_event) {
    if (!notify_) return ZX_ERR_NOT_SUPPORTED;
    return zx::event::create(0, out_event);
  }
  void set_notify(bool notify) { notify_ = notify; }

 private:
  trip_point_t points_[4] = {};
  size_t count_ = 0;
  bool notify_ = false;
};

std::string ThermalScript(const ddk::ThermalImplProtocolClient& thermal, FakeThermal* server) {
  std::ostringstream t;
  thermal_info_t info{};
  t << "empty " << thermal.GetInfo(&info) << " points=" << info.trip_points_count
    << " passive=" << info.passive_temperature << "\n";
  trip_point_t hot{90.0f, 2.0f}, warm{60.5f, 1.5f}, bad{10.0f, 20.0f};
  t << "set " << thermal.SetTripPoint(0, &hot) << " " << thermal.SetTripPoint(1, &warm) << " "
    << thermal.SetTripPoint(3, &warm) << " " << thermal.SetTripPoint(2, &bad) << "\n";
  info = {};
  t << "info " << thermal.GetInfo(&info) << " points=" << info.trip_points_count;
  for (size_t i = 0; i < info.trip_points_count; ++i) {
    t << " " << info.trip_points_list[i].celsius << "/" << info.trip_points_list[i].hysteresis;
  }
  float celsius = 0;
  t << " passive=" << info.passive_temperature << "\ntemperature "
    << thermal.GetTemperature(&celsius) << " " << celsius << "\n";
  zx::event event;
  t << "notify " << thermal.GetNotifyEvent(&event) << " valid=" << event.is_valid();
  server->set_notify(true);
  t << " then " << thermal.GetNotifyEvent(&event) << " valid=" << event.is_valid() << "\n";
  return t.str();
}

namespace thermal_shims = fdfkit::shims::fuchsia_hardware_thermalimpl;

TEST_F(ShimTest, ThermalImplThroughBothShimsMatchesDirectBanjo) {
  FakeThermal direct_server, shimmed_server;
  thermal_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const thermal_impl_protocol_t* looped =
      Loop<fuchsia_hardware_thermalimpl::ThermalImpl, thermal_shims::ThermalImplDriverOverBanjo,
           thermal_shims::ThermalImplBanjoOverDriver>(&shimmed);
  std::string expected =
      ThermalScript(ddk::ThermalImplProtocolClient(&direct), &direct_server);
  EXPECT_EQ(expected,
            "empty 0 points=0 passive=71.5\nset 0 0 -14 -10\n"
            "info 0 points=2 90/2 60.5/1.5 passive=71.5\ntemperature 0 42.25\n"
            "notify -2 valid=0 then 0 valid=1\n");
  EXPECT_EQ(ThermalScript(ddk::ThermalImplProtocolClient(looped), &shimmed_server), expected);
}

// A migrated FIDL server may leave table fields out: the banjo caller reads them as zero, and
// stale values in its out-struct are not kept.
class SparseThermal : public fdf::WireServer<fuchsia_hardware_thermalimpl::ThermalImpl> {
 public:
  void GetInfo(fdf::Arena& arena, GetInfoCompleter::Sync& completer) override {
    completer.buffer(arena).ReplySuccess(
        fuchsia_hardware_thermalimpl::wire::ThermalInfo::Builder(arena)
            .passive_temperature(55.0f)
            .Build());
  }
  void GetTemperature(fdf::Arena& arena, GetTemperatureCompleter::Sync& completer) override {
    completer.buffer(arena).ReplyError(ZX_ERR_IO);
  }
  void SetTripPoint(SetTripPointRequestView, fdf::Arena& arena,
                    SetTripPointCompleter::Sync& completer) override {
    completer.buffer(arena).ReplySuccess();
  }
  void GetNotifyEvent(fdf::Arena& arena, GetNotifyEventCompleter::Sync& completer) override {
    completer.buffer(arena).ReplySuccess(zx::event());
  }
};

TEST_F(ShimTest, ThermalImplTableFieldsTheServerLeftOutReadAsZero) {
  SparseThermal server;
  thermal_shims::ThermalImplBanjoOverDriver shim(
      Serve<fuchsia_hardware_thermalimpl::ThermalImpl>(&server));
  ddk::ThermalImplProtocolClient thermal(shim.proto());
  trip_point_t stale[2] = {{1, 2}, {3, 4}};
  thermal_info_t info{stale, 2, 9.0f};
  EXPECT_EQ(thermal.GetInfo(&info), ZX_OK);
  EXPECT_EQ(info.trip_points_count, 0u);
  EXPECT_EQ(info.passive_temperature, 55.0f);
  float celsius = -1;
  EXPECT_EQ(thermal.GetTemperature(&celsius), ZX_ERR_IO);
  EXPECT_EQ(celsius, -1);  // untouched on error
  zx::event event;
  EXPECT_EQ(thermal.GetNotifyEvent(&event), ZX_OK);
  EXPECT_FALSE(event.is_valid());
  FinishServing();
}

// ---- Scpi (banjo v1): an out struct whose array + count migrate-protocol made one vector, an
// in string ----

class FakeScpi : public ddk::ScpiProtocol<FakeScpi> {
 public:
  scpi_protocol_t proto() { return {&scpi_protocol_ops_, this}; }
  zx_status_t ScpiGetSensor(const char* name, uint32_t* out_sensor_id) {
    if (std::string(name) != "soc-temp") return ZX_ERR_NOT_FOUND;
    *out_sensor_id = 3;
    return ZX_OK;
  }
  zx_status_t ScpiGetSensorValue(uint32_t sensor_id, uint32_t* out_sensor_value) {
    *out_sensor_value = sensor_id * 1000 + 7;
    return ZX_OK;
  }
  // Domain 0 has three operating points; domain 1 claims more than the array holds.
  zx_status_t ScpiGetDvfsInfo(uint8_t power_domain, scpi_opp_t* out_opps) {
    if (power_domain > 1) return ZX_ERR_OUT_OF_RANGE;
    *out_opps = {};
    size_t n = power_domain == 0 ? 3 : MAX_DVFS_OPPS;
    for (uint32_t i = 0; i < n; ++i) out_opps->opp[i] = {100'000'000 * (i + 1), 800 + 50 * i};
    out_opps->opp_count = power_domain == 0 ? 3 : 40;
    out_opps->latency = 200;
    return ZX_OK;
  }
  zx_status_t ScpiGetDvfsIdx(uint8_t power_domain, uint16_t* out_index) {
    *out_index = index_;
    return ZX_OK;
  }
  zx_status_t ScpiSetDvfsIdx(uint8_t power_domain, uint16_t index) {
    if (index >= 3) return ZX_ERR_INVALID_ARGS;
    index_ = index;
    return ZX_OK;
  }

 private:
  uint16_t index_ = 0;
};

std::string ScpiScript(const ddk::ScpiProtocolClient& scpi) {
  std::ostringstream t;
  uint32_t id = 0, value = 0;
  t << "sensor " << scpi.GetSensor("soc-temp", &id) << "=" << id << " "
    << scpi.GetSensor("gpu", &id) << " value " << scpi.GetSensorValue(id, &value) << "="
    << value << "\n";
  for (uint8_t domain : {uint8_t{0}, uint8_t{1}, uint8_t{2}}) {
    scpi_opp_t opps{};
    opps.opp_count = 99;
    t << "dvfs" << int{domain} << " " << scpi.GetDvfsInfo(domain, &opps) << " count="
      << opps.opp_count << " latency=" << opps.latency;
    if (opps.opp_count <= MAX_DVFS_OPPS) {
      const scpi_opp_entry_t& last = opps.opp[opps.opp_count - 1];
      t << " last=" << last.freq_hz << "/" << last.volt_uv;
    }
    t << "\n";
  }
  uint16_t index = 9;
  t << "idx " << scpi.SetDvfsIdx(0, 2) << " " << scpi.SetDvfsIdx(0, 5) << " "
    << scpi.GetDvfsIdx(0, &index) << "=" << index << "\n";
  return t.str();
}

namespace scpi_shims = fdfkit::shims::ddk_protocol_scpi;

// Where the two differ on purpose: a count past the array is clamped to it on the way through
// (FIDL's vector has no room for what the array does not hold).
TEST_F(ShimTest, ScpiArrayAndCountTravelAsOneVector) {
  FakeScpi direct_server, shimmed_server;
  scpi_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const scpi_protocol_t* looped =
      Loop<ddk_protocol_scpi::Scpi, scpi_shims::ScpiDriverOverBanjo,
           scpi_shims::ScpiBanjoOverDriver>(&shimmed);
  EXPECT_EQ(ScpiScript(ddk::ScpiProtocolClient(&direct)),
            "sensor 0=3 -25 value 0=3007\n"
            "dvfs0 0 count=3 latency=200 last=300000000/900\n"
            "dvfs1 0 count=40 latency=200\n"
            "dvfs2 -14 count=99 latency=0\n"
            "idx 0 -10 0=2\n");
  EXPECT_EQ(ScpiScript(ddk::ScpiProtocolClient(looped)),
            "sensor 0=3 -25 value 0=3007\n"
            "dvfs0 0 count=3 latency=200 last=300000000/900\n"
            "dvfs1 0 count=16 latency=200 last=1600000000/1550\n"
            "dvfs2 -14 count=99 latency=0\n"
            "idx 0 -10 0=2\n");
}

}  // namespace
