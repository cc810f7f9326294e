// corpus/drivers/gpio-i2c, booted: an unmigrated banjo gpio/i2c stack in one driver host (the
// GPIO controller, the gpio core, the I2C controller on one of its pins, the i2c core) and the
// temperature sensor's driver in another, reaching the i2c core over a Zircon channel. What each
// test checks comes from the manager (hosts, nodes) and the drivers' event log, where the two
// controllers write every banjo call they serve and the dispatcher it ran on.
// The same for the stack as migrate-driver made it at build time: its four banjo drivers
// --mode=dual (gpio-i2c-dual), which must behave exactly as the banjo stack, calls on their
// callers' dispatchers included (banjo is still offered, so the dual clients use it). And with the
// GPIO controller --mode=replace under the dual gpio core (gpio-i2c-partial): the same, but that
// the controller's calls come over the driver transport, onto its own dispatcher. And with all
// four replaced (gpio-i2c-replace, the host's switch): every server's calls on its own dispatcher
// (the pins' over Zircon channels, the controllers' over the driver transport), no banjo left on
// the pin's node. The dual gpio
// core allows synchronous calls (which that transport needs), so the I2C controller may start on
// pin 5 while the core still parks the other pins: in those variants each sequence is checked
// alone.
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "tests/runtime/driver/manager/board_fixture.h"

namespace fdfkit::driver {
namespace {

constexpr char kGpio5[] = "root.sys.gpio-controller.gpio-impl.gpio-5";
constexpr char kSensorNode[] = "root.sys.gpio-controller.gpio-impl.gpio-5.i2c-impl.temp-sensor";

// A board and how it differs from the banjo one where it must: the drivers' names, the gpio core's
// pin node, which also says it offers the pin's channel service once the core serves it, and the
// dispatcher the GPIO controller's calls run on.
struct Variant {
  const char* board;
  const char* suffix;  // of the gpio core's, the I2C controller's and the i2c core's names
  const char* gpio_impl_suffix;
  const char* pin_properties;
  const char* gpio_impl_dispatcher;  // "caller" (banjo) or "own" (the driver transport)
  bool gpio_core_allows_sync_calls;
  // The same for the gpio core's pin calls and the I2C controller's ("own" once replaced: a
  // Zircon channel, the driver transport).
  const char* gpio_dispatcher;
  const char* i2c_impl_dispatcher;
};
// Named by its board in test listings (not as the bytes of its pointers).
void PrintTo(const Variant& variant, std::ostream* out) { *out << variant.board; }

constexpr char kBanjoPin[] =
    "[ 1/ 2] : Key fuchsia.BIND_PROTOCOL  Value 20\n"
    "[ 2/ 2] : Key fuchsia.BIND_GPIO_PIN  Value 5\n";
// Once the gpio core serves each pin's channel instance (the migrated variants; unused in builds
// without them, such as the ThreadSanitizer one).
[[maybe_unused]] constexpr char kDualPin[] =
    "[ 1/ 3] : Key fuchsia.BIND_PROTOCOL  Value 20\n"
    "[ 2/ 3] : Key fuchsia.BIND_GPIO_PIN  Value 5\n"
    "[ 3/ 3] : Key fuchsia.hardware.gpio.Service  Value "
    "\"fuchsia.hardware.gpio.Service.ZirconTransport\"\n";

// Once the gpio core is replaced: the pin's number and its channel service, no banjo.
[[maybe_unused]] constexpr char kReplacedPin[] =
    "[ 1/ 2] : Key fuchsia.BIND_GPIO_PIN  Value 5\n"
    "[ 2/ 2] : Key fuchsia.hardware.gpio.Service  Value "
    "\"fuchsia.hardware.gpio.Service.ZirconTransport\"\n";

class GpioI2cBoardTest : public BoardTest, public ::testing::WithParamInterface<Variant> {
 protected:
  std::string BoardPath() const override {
    return std::string(DRIVERS_DIR) + "/" + GetParam().board + "-board.json";
  }
  // The URL of one of the stack's drivers on this board.
  static std::string Url(const std::string& driver) {
    std::string name = driver == "temp-sensor" ? driver
                       : driver == "gpio-impl"  ? driver + GetParam().gpio_impl_suffix
                                                : driver + GetParam().suffix;
    return "fuchsia-boot:///" + name + "#meta/" + name + ".cm";
  }

  // Every event starting with `prefix`, in order, without its pid; each must come from `pid`.
  std::vector<std::string> Lines(const std::string& prefix, const std::string& pid) const {
    std::vector<std::string> lines;
    for (const std::string& line : Events()) {
      if (line.rfind(prefix, 0) != 0) continue;
      size_t at = line.rfind(" pid=");
      EXPECT_EQ(line.substr(at + 5), pid) << line;
      lines.push_back(line.substr(0, at));
    }
    return lines;
  }
  // The banjo calls a controller served: its lines that say on which dispatcher they ran.
  std::vector<std::string> Calls(const std::string& driver, const std::string& pid) const {
    std::vector<std::string> calls;
    for (const std::string& line : Lines(driver + " ", pid)) {
      if (line.find(" dispatcher=") != std::string::npos) calls.push_back(line);
    }
    return calls;
  }
};

TEST_P(GpioI2cBoardTest, TheBanjoStackSharesOneHostAndTheSensorHasItsOwn) {
  std::string a = Find("gpio-impl start").second;
  ASSERT_FALSE(a.empty());
  for (const char* driver : {"gpio", "i2c-impl", "i2c"}) {
    EXPECT_EQ(Find(std::string(driver) + " start").second, a) << driver;
  }
  std::string b = Find("temp-sensor start").second;
  ASSERT_FALSE(b.empty());
  EXPECT_NE(b, a);

  auto hosts = Ask<std::vector<Manager::HostSummary>>([](Manager& m) { return m.Hosts(); });
  ASSERT_EQ(hosts.size(), 2u);
  std::map<std::string, std::vector<std::string>> drivers_by_pid;
  for (const Manager::HostSummary& host : hosts) drivers_by_pid[std::to_string(host.pid)] = host.drivers;
  const std::string gpio_impl = "root.sys.gpio-controller";
  const std::string gpio = gpio_impl + ".gpio-impl";
  const std::string i2c_impl = gpio + ".gpio-5";
  const std::string i2c = i2c_impl + ".i2c-impl";
  EXPECT_EQ(drivers_by_pid[a],
            (std::vector<std::string>{Url("gpio-impl") + " (" + gpio_impl + ")",
                                      Url("gpio") + " (" + gpio + ")",
                                      Url("i2c-impl") + " (" + i2c_impl + ")",
                                      Url("i2c") + " (" + i2c + ")"}));
  EXPECT_EQ(drivers_by_pid[b],
            (std::vector<std::string>{Url("temp-sensor") + " (" + std::string(kSensorNode) + ")"}));

  // One node per pin the controller has (pin 40 is left out), each carrying the banjo protocol
  // and its pin; the sensor's node is offered one service instance per device on the bus.
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(false); });
  EXPECT_EQ(devices, "root\nroot.sys\nroot.sys.gpio-controller\nroot.sys.gpio-controller.gpio-impl\n"
                     "root.sys.gpio-controller.gpio-impl.gpio-5\n"
                     "root.sys.gpio-controller.gpio-impl.gpio-5.i2c-impl\n" +
                         std::string(kSensorNode) + "\nroot.sys.gpio-controller.gpio-impl.gpio-12\n");
  std::string verbose = Ask<std::string>([](Manager& m) { return m.ListDevices(true); });
  EXPECT_NE(verbose.find("Moniker  : " + std::string(kGpio5) + "\nDriver   : " + Url("i2c-impl") +
                         "\n"),
            std::string::npos)
      << verbose;
  EXPECT_NE(verbose.find(GetParam().pin_properties), std::string::npos) << verbose;
  EXPECT_NE(verbose.find("Service: fdfkit.examples.i2c.Service instance i2c-0x48 from " + i2c +
                         "\nService: fdfkit.examples.i2c.Service instance i2c-0x4a from " + i2c +
                         "\n"),
            std::string::npos);
}

// The GPIO controller's side: the gpio core parks each pin it was given (and leaves out the one
// the bank lacks), then the I2C controller powers its bus through pin 5 over banjo, through the
// gpio core's pin server, which adds the pin's index. Every pin call ran on its caller's
// dispatcher; the controller's on the variant's. Pin 5's calls and the parking are each in order;
// they may interleave once the gpio core allows synchronous calls.
TEST_P(GpioI2cBoardTest, GpioCallsReachTheControllerWithThePinsIndexOverBanjo) {
  std::string a = Find("gpio-impl start").second;
  const std::vector<std::string> parking = {"gpio start", "gpio pin=5 added", "gpio pin=12 added",
                                            "gpio skip pin=40 ZX_ERR_OUT_OF_RANGE"};
  const std::string pin_on = std::string(" dispatcher=") + GetParam().gpio_dispatcher;
  const std::vector<std::string> pin5 = {
      "gpio set_alt_function pin=5 ZX_OK" + pin_on, "gpio write pin=5 ZX_ERR_BAD_STATE" + pin_on,
      "gpio config_out pin=5 ZX_OK" + pin_on, "gpio write pin=5 ZX_OK" + pin_on,
      "gpio read pin=5 ZX_OK" + pin_on};
  const std::string on = std::string(" dispatcher=") + GetParam().gpio_impl_dispatcher;
  const std::vector<std::string> controller_parking = {
      "gpio-impl config_in pin=5 flags=2 ZX_OK" + on,
      "gpio-impl config_in pin=12 flags=2 ZX_OK" + on,
      "gpio-impl config_in pin=40 flags=2 ZX_ERR_OUT_OF_RANGE" + on};
  const std::vector<std::string> controller_pin5 = {
      "gpio-impl set_alt_function pin=5 function=0 ZX_OK" + on,
      // Still the input the gpio core parked it as.
      "gpio-impl write pin=5 value=1 ZX_ERR_BAD_STATE" + on,
      "gpio-impl config_out pin=5 value=0 ZX_OK" + on, "gpio-impl write pin=5 value=1 ZX_OK" + on,
      // What was written reads back.
      "gpio-impl read pin=5 value=1 ZX_OK" + on};
  auto concat = [](std::vector<std::string> first, const std::vector<std::string>& second) {
    first.insert(first.end(), second.begin(), second.end());
    return first;
  };
  // The lines of `lines` that are (or are not) pin 5's calls, in order.
  auto split = [](const std::vector<std::string>& lines, bool pin5_calls) {
    std::vector<std::string> part;
    for (const std::string& line : lines) {
      bool call = line.find(" pin=5 ") != std::string::npos &&
                  line.find(" config_in ") == std::string::npos &&
                  line.find(" added") == std::string::npos;
      if (call == pin5_calls) part.push_back(line);
    }
    return part;
  };
  std::vector<std::string> gpio = Lines("gpio ", a);
  std::vector<std::string> calls = Calls("gpio-impl", a);
  if (!GetParam().gpio_core_allows_sync_calls) {
    EXPECT_EQ(gpio, concat(parking, pin5));
    EXPECT_EQ(calls, concat(controller_parking, controller_pin5));
  } else {
    EXPECT_EQ(split(gpio, false), parking);
    EXPECT_EQ(split(gpio, true), pin5);
    EXPECT_EQ(split(calls, false), controller_parking);
    EXPECT_EQ(split(calls, true), controller_pin5);
    // Pin 5 is parked before its node is added, so before the I2C controller starts on it.
    EXPECT_LT(IndexOf("gpio-impl config_in pin=5"), IndexOf("i2c-impl start"));
  }
  EXPECT_EQ(Find("i2c-impl bus_enable").first,
            "i2c-impl bus_enable alt=ZX_OK write_as_input=ZX_ERR_BAD_STATE config_out=ZX_OK"
            " write=ZX_OK read=ZX_OK/1");
}

// The sensor's driver, in the other host, reads its registers through the i2c core's Zircon
// channel; the i2c core makes each transfer one banjo transaction of the I2C controller, in the
// first host, on the caller's (the i2c core's) dispatcher.
TEST_P(GpioI2cBoardTest, TheSensorsTransfersCrossHostsAndReachTheControllerInOrder) {
  std::string a = Find("gpio-impl start").second;
  std::string b = Find("temp-sensor start").second;
  EXPECT_EQ(Lines("temp-sensor ", b),
            (std::vector<std::string>{
                "temp-sensor start", "temp-sensor device address=0x48 max_transfer=32",
                // The register pointer, then the temperature's two bytes: 0x194/16 = 25.25 °C.
                "temp-sensor transfer 0x48 write=00 read=2 ZX_OK data=1940",
                "temp-sensor temperature millicelsius=25250",
                // A new high limit (30 °C), then read back.
                "temp-sensor transfer 0x48 write=031e00 read=0 ZX_OK",
                "temp-sensor transfer 0x48 write=03 read=2 ZX_OK data=1e00",
                // Longer than the controller's 32-byte ops.
                "temp-sensor transfer 0x48 write=00 read=64 ZX_ERR_OUT_OF_RANGE",
                // Nothing at the empty footprint answers.
                "temp-sensor transfer 0x4a write=00 read=2 ZX_ERR_IO_NOT_PRESENT"}));
  EXPECT_EQ(Lines("i2c transfer ", a),
            (std::vector<std::string>{"i2c transfer address=0x48 ops=w1,r2 ZX_OK",
                                      "i2c transfer address=0x48 ops=w3 ZX_OK",
                                      "i2c transfer address=0x48 ops=w1,r2 ZX_OK",
                                      "i2c transfer address=0x48 ops=w1,r64 ZX_ERR_OUT_OF_RANGE",
                                      "i2c transfer address=0x4a ops=w1,r2 ZX_ERR_IO_NOT_PRESENT"}));
  EXPECT_EQ(Find("i2c bus=").first, "i2c bus=0 max_transfer=32 hz=400000");
  const std::string on = std::string(" dispatcher=") + GetParam().i2c_impl_dispatcher;
  EXPECT_EQ(Calls("i2c-impl", a),
            (std::vector<std::string>{
                "i2c-impl get_bus_base base=0 ZX_OK" + on,
                "i2c-impl get_bus_count count=1 ZX_OK" + on,
                "i2c-impl get_max_transfer_size bus=0 ZX_OK" + on,
                "i2c-impl set_bitrate bus=0 hz=400000 ZX_OK" + on,
                "i2c-impl transact bus=0 ops=0x48:w1,0x48:r2 read=1940 ZX_OK" + on,
                "i2c-impl transact bus=0 ops=0x48:w3 ZX_OK" + on,
                "i2c-impl transact bus=0 ops=0x48:w1,0x48:r2 read=1e00 ZX_OK" + on,
                "i2c-impl transact bus=0 ops=0x48:w1,0x48:r64 ZX_ERR_OUT_OF_RANGE" + on,
                "i2c-impl transact bus=0 ops=0x4a:w1,0x4a:r2 ZX_ERR_IO_NOT_PRESENT" + on}));
  // Each transfer reached the controller before its answer reached the sensor.
  EXPECT_LT(IndexOf("i2c-impl transact bus=0 ops=0x4a"), IndexOf("temp-sensor transfer 0x4a"));
}

TEST_P(GpioI2cBoardTest, ParentsStartFirstAndEveryDriverStopsCleanlyBottomUp) {
  const std::vector<std::string> top_down = {"gpio-impl", "gpio", "i2c-impl", "i2c", "temp-sensor"};
  for (size_t i = 1; i < top_down.size(); ++i) {
    EXPECT_LT(IndexOf(top_down[i - 1] + " start"), IndexOf(top_down[i] + " start")) << top_down[i];
  }
  system_->Shutdown();
  for (size_t i = 0; i < top_down.size(); ++i) {
    SCOPED_TRACE(top_down[i]);
    size_t prepare = IndexOf(top_down[i] + " prepare_stop");
    size_t stop = IndexOf(top_down[i] + " stop");
    ASSERT_NE(stop, SIZE_MAX);
    EXPECT_LT(prepare, stop);
    // A child's driver has stopped before its parent's starts stopping.
    if (i > 0) {
      EXPECT_LT(IndexOf(top_down[i] + " stop"), IndexOf(top_down[i - 1] + " prepare_stop"));
    }
  }
  // Each started and stopped once: nothing failed, nothing restarted.
  for (const std::string& driver : top_down) {
    size_t starts = 0, stops = 0;
    for (const std::string& line : Events()) {
      starts += line.rfind(driver + " start", 0) == 0;
      stops += line.rfind(driver + " stop", 0) == 0;
    }
    EXPECT_EQ(starts, 1u) << driver;
    EXPECT_EQ(stops, 1u) << driver;
  }
  EXPECT_TRUE(Ask<std::vector<Manager::HostSummary>>([](Manager& m) { return m.Hosts(); }).empty());
}

std::string VariantName(const ::testing::TestParamInfo<Variant>& info) {
  std::string name = info.param.board;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

#ifdef FDFKIT_GPIO_I2C_MIGRATED
INSTANTIATE_TEST_SUITE_P(Variants, GpioI2cBoardTest,
                         ::testing::Values(Variant{"gpio-i2c", "", "", kBanjoPin, "caller", false,
                                                   "caller", "caller"},
                                           Variant{"gpio-i2c-dual", "-dual", "-dual", kDualPin,
                                                   "caller", true, "caller", "caller"},
                                           Variant{"gpio-i2c-partial", "-dual", "-replace",
                                                   kDualPin, "own", true, "caller", "caller"},
                                           Variant{"gpio-i2c-replace", "-replace", "-replace",
                                                   kReplacedPin, "own", true, "own", "own"}),
                         VariantName);
#else
INSTANTIATE_TEST_SUITE_P(Variants, GpioI2cBoardTest,
                         ::testing::Values(Variant{"gpio-i2c", "", "", kBanjoPin, "caller", false,
                                                   "caller", "caller"}),
                         VariantName);
#endif

}  // namespace
}  // namespace fdfkit::driver
