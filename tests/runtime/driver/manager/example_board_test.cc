// The whole framework on the example board (corpus/drivers): real driver host processes, the
// example drivers as shared objects. What each test checks comes from the manager's own view
// (hosts, pids, nodes) and from the drivers' event log (FDFKIT_DRIVER_EVENT_LOG, one line per
// event, appended by every host process).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include "tests/runtime/driver/manager/board_fixture.h"

namespace fdfkit::driver {
namespace {

// The dual-mode PMIC's part of the device listing (corpus/drivers/dual-pmic).
constexpr char kPmicNodes[] = "root.sys.pmic\nroot.sys.pmic.pmic-banjo\nroot.sys.pmic.pmic-fidl\n";

class ExampleBoardTest : public BoardTest {
 protected:
  std::string BoardPath() const override { return EXAMPLE_BOARD; }
};

TEST_F(ExampleBoardTest, ColocatedDriversShareTheirParentsProcessAndOthersGetTheirOwn) {
  std::string soc = Find("soc start").second;
  ASSERT_FALSE(soc.empty());
  EXPECT_EQ(Find("clock-consumer start").second, soc);
  EXPECT_EQ(Find("imu start").second, soc);  // a composite joins its primary parent's host
  std::string monitor = Find("thermal-monitor start").second;
  ASSERT_FALSE(monitor.empty());
  EXPECT_NE(monitor, soc);
  auto hosts = Ask<std::vector<Manager::HostSummary>>([](Manager& m) { return m.Hosts(); });
  // soc + clock-consumer + imu; banjo-leds + led-user; dual-pmic + pmic-banjo-user +
  // pmic-fidl-user; thermal-monitor; remote-led-user.
  ASSERT_EQ(hosts.size(), 5u);
  std::map<std::string, size_t> drivers_per_pid;
  for (const Manager::HostSummary& host : hosts) drivers_per_pid[std::to_string(host.pid)] = host.drivers.size();
  EXPECT_EQ(drivers_per_pid[soc], 3u);
  EXPECT_EQ(drivers_per_pid[monitor], 1u);
  EXPECT_EQ(drivers_per_pid[Find("banjo-leds start").second], 2u);
  EXPECT_EQ(drivers_per_pid[Find("dual-pmic start").second], 3u);
}

TEST_F(ExampleBoardTest, BanjoThroughCompatWorksInTheParentsHostAndIsRefusedElsewhere) {
  std::string leds = Find("banjo-leds start").second;
  EXPECT_EQ(Find("led-user banjo"), std::make_pair(std::string("led-user banjo set=ZX_OK brightness=128"), leds));
  auto remote = Find("remote-led-user banjo");
  EXPECT_EQ(remote.first, "remote-led-user banjo ZX_ERR_NOT_SUPPORTED");
  EXPECT_NE(remote.second, leds);
  // The DFv1 way (compat::ParentDevice, device_get_protocol) reaches the same LED, and nothing the
  // parent did not publish; across hosts it is refused the same way.
  EXPECT_EQ(Find("led-user ddk"),
            std::make_pair(std::string("led-user ddk set=ZX_OK brightness=64 gpio=ZX_ERR_NOT_SUPPORTED"), leds));
  EXPECT_EQ(Find("remote-led-user ddk").first, "remote-led-user ddk ZX_ERR_NOT_SUPPORTED");
  // The node carries the banjo protocol id as fuchsia.BIND_PROTOCOL, which is what bound it.
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(true); });
  EXPECT_NE(devices.find("Moniker  : root.sys.leds.led\nDriver   : fuchsia-boot:///led-user#meta/led-user.cm\n"
                         "Host     : "),
            std::string::npos)
      << devices;
  EXPECT_NE(devices.find("Key fuchsia.BIND_PROTOCOL  Value 200"), std::string::npos);
}

// corpus/drivers/dual-pmic: one implementation (banjo methods) served on both transports by the
// generated dual-stack shim, to a banjo child and a driver-transport child in the PMIC's host.
// Each child takes the same steps (common/pmic_transcript.h) on a power domain of its own, then
// again on another through the generated dual client.
TEST_F(ExampleBoardTest, ADualModeDriverServesBanjoAndDriverTransportChildrenFromOneMethodSet) {
  std::string pmic = Find("dual-pmic start").second;
  ASSERT_FALSE(pmic.empty());
  EXPECT_EQ(Find("pmic-banjo-user start").second, pmic);
  EXPECT_EQ(Find("pmic-fidl-user start").second, pmic);
  uint64_t host = Ask<uint64_t>([](Manager& m) { return m.HostOf("root.sys.pmic"); });
  EXPECT_NE(host, 0u);
  EXPECT_EQ(Ask<uint64_t>([](Manager& m) { return m.HostOf("root.sys.pmic.pmic-banjo"); }), host);
  EXPECT_EQ(Ask<uint64_t>([](Manager& m) { return m.HostOf("root.sys.pmic.pmic-fidl"); }), host);
  // Each child bound through its transport's idiom: the banjo protocol id, the service's key.
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(true); });
  EXPECT_NE(devices.find("Moniker  : root.sys.pmic.pmic-banjo\n"
                         "Driver   : fuchsia-boot:///pmic-banjo-user#meta/pmic-banjo-user.cm\n"),
            std::string::npos)
      << devices;
  EXPECT_NE(devices.find("Key fuchsia.BIND_PROTOCOL  Value 1011\n"), std::string::npos);
  EXPECT_NE(devices.find("Moniker  : root.sys.pmic.pmic-fidl\n"
                         "Driver   : fuchsia-boot:///pmic-fidl-user#meta/pmic-fidl-user.cm\n"),
            std::string::npos);
  EXPECT_NE(devices.find("Service: fuchsia.hardware.powerimpl.Service instance default from "
                         "root.sys.pmic\n"),
            std::string::npos);

  // The children's side: every step reads the same on both transports — values read back
  // exactly (the register written, the voltage the PMIC chose for the request) and the statuses
  // of the two failing calls (a domain switched off, a domain that does not exist).
  auto steps = [](int domain) {
    return "domain=" + std::to_string(domain) +
           " get_status=ZX_OK/DISABLED request_while_disabled=ZX_ERR_BAD_STATE enable=ZX_OK"
           " range=ZX_OK/600000-1300000 request=ZX_OK/900000 write=ZX_OK read=ZX_OK/0xc0ffee"
           " read_missing_domain=ZX_ERR_OUT_OF_RANGE";
  };
  EXPECT_EQ(Find("pmic-banjo-user banjo ").first, "pmic-banjo-user banjo " + steps(0));
  EXPECT_EQ(Find("pmic-fidl-user fidl ").first, "pmic-fidl-user fidl " + steps(2));
  // The generated dual client: banjo where the parent offers it, else the driver transport.
  EXPECT_EQ(Find("pmic-banjo-user dual ").first,
            "pmic-banjo-user dual uses_banjo=true " + steps(1));
  EXPECT_EQ(Find("pmic-fidl-user dual ").first,
            "pmic-fidl-user dual uses_banjo=false " + steps(3));

  // The parent's side: the same methods recorded every call, in its host. The banjo child's ran
  // on the caller's dispatcher (a direct call), the driver-transport child's on the PMIC's own
  // (served from its outgoing directory); each child's calls are in order, whatever the other's.
  auto pmic_calls = [](int domain) {
    std::string d = " domain=" + std::to_string(domain) + " ";
    return std::vector<std::string>{
        "dual-pmic get_status" + d + "ZX_OK",
        "dual-pmic request_voltage" + d + "voltage=905000 ZX_ERR_BAD_STATE",
        "dual-pmic enable" + d + "ZX_OK",
        "dual-pmic get_range" + d + "ZX_OK",
        "dual-pmic request_voltage" + d + "voltage=905000 ZX_OK",
        "dual-pmic write_reg" + d + "addr=0x4 value=0xc0ffee ZX_OK",
        "dual-pmic read_reg" + d + "addr=0x4 ZX_OK",
        "dual-pmic read_reg domain=9 addr=0x4 ZX_ERR_OUT_OF_RANGE"};
  };
  std::map<std::string, std::vector<std::string>> calls_by_dispatcher;
  for (const std::string& line : Events()) {
    if (line.rfind("dual-pmic ", 0) != 0 || line.find(" domain=") == std::string::npos) continue;
    size_t pid = line.rfind(" pid=");
    EXPECT_EQ(line.substr(pid + 5), pmic) << line;
    size_t dispatcher = line.rfind(" dispatcher=", pid);
    ASSERT_NE(dispatcher, std::string::npos) << line;
    calls_by_dispatcher[line.substr(dispatcher + 12, pid - dispatcher - 12)].push_back(
        line.substr(0, dispatcher));
  }
  std::vector<std::string> banjo = pmic_calls(0), fidl = pmic_calls(2);
  for (const std::string& call : pmic_calls(1)) banjo.push_back(call);
  for (const std::string& call : pmic_calls(3)) fidl.push_back(call);
  EXPECT_EQ(calls_by_dispatcher["caller"], banjo);
  EXPECT_EQ(calls_by_dispatcher["own"], fidl);
  EXPECT_EQ(calls_by_dispatcher.size(), 2u);
}

TEST_F(ExampleBoardTest, NamespacesReachBothTransportsAndEnforceOffersAndHosts) {
  EXPECT_EQ(Find("clock-consumer clock").first, "clock-consumer clock ticks=1001");
  EXPECT_EQ(Find("clock-consumer thermal").first, "clock-consumer thermal=41500");
  EXPECT_EQ(Find("thermal-monitor thermal").first, "thermal-monitor thermal=41500");
  // The driver transport does not cross hosts: refused at Connect, both hosts named in the log.
  EXPECT_EQ(Find("thermal-monitor clock").first, "thermal-monitor clock ZX_ERR_NOT_SUPPORTED");
  // The composite reaches what its accel parent was offered, under that parent's name...
  EXPECT_EQ(Find("imu start").first, "imu start parents=accel,gyro");
  EXPECT_EQ(Find("imu thermal").first, "imu thermal=41500");
  // ...and nothing through the gyro parent, which was offered nothing.
  EXPECT_EQ(Find("imu gyro-thermal").first, "imu gyro-thermal ZX_ERR_NOT_FOUND");
}

TEST_F(ExampleBoardTest, ParentsStartFirstAndStopLastBottomUp) {
  EXPECT_LT(IndexOf("soc start"), IndexOf("clock-consumer start"));
  EXPECT_LT(IndexOf("soc start"), IndexOf("thermal-monitor start"));
  // Stop while the monitor's reads cross between the hosts.
  ASSERT_TRUE(WaitForEvent("thermal-monitor polling"));
  system_->Shutdown();
  for (const char* child : {"clock-consumer", "thermal-monitor", "imu"}) {
    SCOPED_TRACE(child);
    size_t prepare = IndexOf(std::string(child) + " prepare_stop");
    size_t stop = IndexOf(std::string(child) + " stop");
    ASSERT_NE(stop, SIZE_MAX);
    EXPECT_LT(prepare, stop);
    EXPECT_LT(stop, IndexOf("soc prepare_stop"));
  }
  EXPECT_LT(IndexOf("soc prepare_stop"), IndexOf("soc stop"));
  EXPECT_EQ(Find("thermal-monitor stop").first, "thermal-monitor stop reads>0=yes");
}

TEST_F(ExampleBoardTest, AKilledHostTakesDownExactlyItsDriversNodes) {
  uint64_t monitor_host =
      Ask<uint64_t>([](Manager& m) { return m.HostOf("root.sys.soc.thermal-monitor"); });
  pid_t monitor_pid = Ask<pid_t>([&](Manager& m) { return m.PidOfHost(monitor_host); });
  pid_t soc_pid = Ask<pid_t>([](Manager& m) { return m.PidOfHost(m.HostOf("root.sys.soc")); });
  ASSERT_GT(monitor_pid, 0);
  // Mid-traffic: the monitor reads the SoC's sensor every millisecond across the two hosts.
  ASSERT_TRUE(WaitForEvent("thermal-monitor polling"));
  ASSERT_EQ(kill(monitor_pid, SIGKILL), 0);
  ASSERT_TRUE(WaitForManager([](Manager& m) {
    return m.FindNode("root.sys.soc.thermal-monitor") == nullptr;
  }));
  ASSERT_TRUE(system_->WaitUntilSettled());
  auto hosts = Ask<std::vector<Manager::HostSummary>>([](Manager& m) { return m.Hosts(); });
  ASSERT_EQ(hosts.size(), 4u);
  EXPECT_EQ(hosts[0].pid, soc_pid);
  EXPECT_EQ(kill(soc_pid, 0), 0);  // the other hosts live on, untouched
  EXPECT_EQ(hosts[0].drivers.size(), 3u);
  // Nothing restarted, nothing else stopped.
  for (const char* driver : {"soc", "clock-consumer", "imu", "banjo-leds", "led-user"}) {
    std::string prefix = std::string(driver) + " ";
    size_t starts = 0, stops = 0;
    for (const std::string& line : Events()) {
      starts += line.rfind(prefix + "start", 0) == 0;
      stops += line.rfind(prefix + "stop", 0) == 0;
    }
    EXPECT_EQ(starts, 1u) << driver;
    EXPECT_EQ(stops, 0u) << driver;
  }
  EXPECT_EQ(Find("thermal-monitor stop").first, "");  // it was killed, not stopped
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(false); });
  EXPECT_EQ(devices,
            "root\nroot.sys\nroot.sys.soc\nroot.sys.soc.clock-consumer\nroot.sys.soc.accel\n"
            "root.sys.soc.accel.imu\nroot.sys.soc.gyro\nroot.sys.leds\nroot.sys.leds.led\n"
            "root.sys.leds.remote-led\n" + std::string(kPmicNodes));
}

TEST_F(ExampleBoardTest, KillingTheParentsHostStopsItsChildrenInOtherHosts) {
  pid_t soc_pid = Ask<pid_t>([](Manager& m) { return m.PidOfHost(m.HostOf("root.sys.soc")); });
  ASSERT_EQ(kill(soc_pid, SIGKILL), 0);
  ASSERT_TRUE(WaitForManager([](Manager& m) {
    return m.FindNode("root.sys.soc") == nullptr;
  }));
  ASSERT_TRUE(system_->WaitUntilSettled());
  // The monitor, in a host of its own, was stopped properly: its node was below the SoC's.
  EXPECT_EQ(Find("thermal-monitor prepare_stop").first, "thermal-monitor prepare_stop");
  // Only the LED drivers' two hosts and the PMIC's remain.
  EXPECT_EQ(Ask<std::vector<Manager::HostSummary>>([](Manager& m) { return m.Hosts(); }).size(),
            3u);
  EXPECT_EQ(Ask<std::string>([](Manager& m) { return m.ListDevices(false); }),
            "root\nroot.sys\nroot.sys.leds\nroot.sys.leds.led\nroot.sys.leds.remote-led\n" +
                std::string(kPmicNodes));
}

}  // namespace
}  // namespace fdfkit::driver

namespace fdfkit::driver {
namespace {

TEST_F(ExampleBoardTest, RemovingANodeStopsTheDriversBelowIt) {
  ASSERT_TRUE(WaitForEvent("thermal-monitor polling"));
  bool removed = false;
  system_->WithManager([&](Manager& m) {
    m.RemoveNode(m.FindNode("root.sys.soc.accel"), [&] { removed = true; });
  });
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_TRUE(Ask<bool>([&](Manager&) { return removed; }));
  // The composite below accel stopped; its other parent (gyro) and everything else stay.
  EXPECT_EQ(Find("imu stop").first, "imu stop");
  EXPECT_EQ(Find("soc stop").first, "");
  EXPECT_EQ(Ask<std::string>([](Manager& m) { return m.ListDevices(false); }),
            "root\nroot.sys\nroot.sys.soc\nroot.sys.soc.clock-consumer\n"
            "root.sys.soc.thermal-monitor\nroot.sys.soc.gyro\nroot.sys.leds\nroot.sys.leds.led\n"
            "root.sys.leds.remote-led\n" + std::string(kPmicNodes));
}

TEST_F(ExampleBoardTest, RequestBindRestartsTheDriverOnlyWhenForced) {
  zx_status_t unforced = ZX_ERR_INTERNAL, forced = ZX_ERR_INTERNAL, unknown = ZX_ERR_INTERNAL;
  system_->WithManager([&](Manager& m) {
    m.RequestBind(m.FindNode("root.sys.leds.remote-led"), false, "", [&](zx_status_t s) { unforced = s; });
  });
  EXPECT_EQ(unforced, ZX_ERR_ALREADY_BOUND);
  system_->WithManager([&](Manager& m) {
    m.RequestBind(m.FindNode("root.sys.leds.remote-led"), true, "remote-led-user.cm",
                  [&](zx_status_t s) { forced = s; });
  });
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_EQ(Ask<zx_status_t>([&](Manager&) { return forced; }), ZX_OK);
  size_t starts = 0;
  for (const std::string& line : Events()) starts += line.rfind("remote-led-user start", 0) == 0;
  EXPECT_EQ(starts, 2u);
  system_->WithManager([&](Manager& m) {
    m.RequestBind(m.FindNode("root.sys.leds.remote-led"), true, "no-such-driver.cm",
                  [&](zx_status_t s) { unknown = s; });
  });
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_EQ(Ask<zx_status_t>([&](Manager&) { return unknown; }), ZX_ERR_NOT_FOUND);
  EXPECT_EQ(Ask<uint64_t>([](Manager& m) { return m.HostOf("root.sys.leds.remote-led"); }), 0u);
}

}  // namespace
}  // namespace fdfkit::driver
