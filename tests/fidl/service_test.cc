// Generated services: each member names its service, itself and its protocol, and the protocol
// names its transport, which is what fdf::Namespace::Connect picks the transport by.
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

using test_fdfkit::EchoService;
using test_fdfkit::GpioService;

static_assert(std::is_same_v<GpioService::Device::ProtocolType, test_fdfkit::Gpio>);
static_assert(std::is_same_v<GpioService::SensorPort::ProtocolType, test_fdfkit::Sensor>);
static_assert(std::is_same_v<test_fdfkit::Gpio::Transport, fidl::internal::DriverTransport>);
static_assert(std::is_same_v<EchoService::Echo::ProtocolType::Transport,
                             fidl::internal::ChannelTransport>);

TEST(GeneratedService, MembersCarryTheNamesOfTheirPath) {
  EXPECT_EQ(std::string_view(GpioService::Name), "test.fdfkit.GpioService");
  EXPECT_EQ(std::string_view(GpioService::Device::ServiceName), "test.fdfkit.GpioService");
  EXPECT_EQ(std::string_view(GpioService::Device::Name), "device");
  EXPECT_EQ(std::string_view(GpioService::SensorPort::Name), "sensor_port");
  EXPECT_EQ(std::string_view(EchoService::Echo::ServiceName), "test.fdfkit.EchoService");
}

}  // namespace

namespace {

TEST(GeneratedService, AnInstanceHandlerVisitsEveryMemberWithItsHandler) {
  int device_calls = 0;
  GpioService::InstanceHandler handler({
      .device = [&](fdf::ServerEnd<test_fdfkit::Gpio>) { ++device_calls; },
  });
  std::vector<std::string> names;
  std::move(handler).ForEachMember([&](auto member, auto member_handler) {
    using Member = decltype(member);
    names.push_back(Member::Name);
    if (member_handler) member_handler(fdf::ServerEnd<typename Member::ProtocolType>());
  });
  EXPECT_EQ(names, (std::vector<std::string>{"device", "sensor_port"}));
  EXPECT_EQ(device_calls, 1);
}

}  // namespace
