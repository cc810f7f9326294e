// compat::ParentDevice with device_get_protocol and device_get_fragment_protocol, over a
// namespace carrying the symbols a colocated parent's compat::BanjoServer publishes (the example
// board test covers the same through real driver hosts): every status they document.
#include <gtest/gtest.h>
#include <lib/ddk/driver.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/compat/cpp/parent_device.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fdfkit::driver {
namespace {

// A banjo protocol as the generated C header would declare it.
typedef struct test_led_protocol_ops {
  uint32_t (*level)(void* ctx);
} test_led_protocol_ops_t;
typedef struct test_led_protocol {
  const test_led_protocol_ops_t* ops;
  void* ctx;
} test_led_protocol_t;

constexpr uint32_t kLedProtocolId = ZX_PROTOCOL_LED_IMPL;

struct Led {
  uint32_t level = 7;
  static const test_led_protocol_ops_t kOps;
};
const test_led_protocol_ops_t Led::kOps = {
    .level = [](void* ctx) { return static_cast<Led*>(ctx)->level; },
};

class ParentDeviceTest : public ::testing::Test {
 protected:
  // The namespace of a driver whose parent published `server` (when it runs in the parent's host:
  // `colocated`), with a composite's parent names if given.
  std::shared_ptr<fdf::Namespace> Incoming(bool colocated,
                                           std::vector<std::string> parent_names = {}) {
    std::optional<std::vector<fdf::NodeSymbol>> symbols;
    if (colocated) {
      fidl::Arena arena;
      fuchsia_driver_framework::wire::NodeSymbol symbol = server_.symbol(arena);
      symbols.emplace();
      symbols->push_back({.name = compat::BanjoSymbolName(server_.proto_id()),
                          .address = symbol.address(),
                          .module_name = ""});
    }
    std::vector<fdf::NamespaceEntry> entries;
    zx::result<fdf::Namespace> incoming =
        fdf::Namespace::Create(entries, {}, 0, std::move(symbols), std::move(parent_names));
    EXPECT_TRUE(incoming.is_ok());
    return std::make_shared<fdf::Namespace>(std::move(*incoming));
  }

  Led led_;
  compat::BanjoServer server_{kLedProtocolId, &led_, &Led::kOps};
};

TEST_F(ParentDeviceTest, GetProtocolCopiesTheParentsOpsAndContext) {
  compat::ParentDevice parent(Incoming(true));
  ASSERT_NE(parent.get(), nullptr);
  test_led_protocol_t proto = {};
  ASSERT_EQ(device_get_protocol(parent.get(), kLedProtocolId, &proto), ZX_OK);
  EXPECT_EQ(proto.ops, &Led::kOps);
  EXPECT_EQ(proto.ctx, &led_);
  EXPECT_EQ(proto.ops->level(proto.ctx), 7u);
}

TEST_F(ParentDeviceTest, AProtocolTheParentDidNotPublishIsNotSupported) {
  compat::ParentDevice parent(Incoming(true));
  test_led_protocol_t proto = {};
  EXPECT_EQ(device_get_protocol(parent.get(), ZX_PROTOCOL_GPIO, &proto), ZX_ERR_NOT_SUPPORTED);
  EXPECT_EQ(proto.ops, nullptr);  // untouched
}

TEST_F(ParentDeviceTest, OutsideTheParentsHostNothingIsSupported) {
  compat::ParentDevice parent(Incoming(false));
  test_led_protocol_t proto = {};
  EXPECT_EQ(device_get_protocol(parent.get(), kLedProtocolId, &proto), ZX_ERR_NOT_SUPPORTED);
  EXPECT_EQ(device_get_fragment_protocol(parent.get(), "default", kLedProtocolId, &proto),
            ZX_ERR_NOT_SUPPORTED);
}

TEST_F(ParentDeviceTest, FragmentsAreTheCompositesPrimaryParentOnly) {
  compat::ParentDevice parent(Incoming(true, {"led", "power"}));
  test_led_protocol_t proto = {};
  ASSERT_EQ(device_get_fragment_protocol(parent.get(), "led", kLedProtocolId, &proto), ZX_OK);
  EXPECT_EQ(proto.ctx, &led_);
  proto = {};
  ASSERT_EQ(device_get_fragment_protocol(parent.get(), "default", kLedProtocolId, &proto), ZX_OK);
  EXPECT_EQ(proto.ctx, &led_);
  // The primary parent is also what device_get_protocol reaches.
  proto = {};
  ASSERT_EQ(device_get_protocol(parent.get(), kLedProtocolId, &proto), ZX_OK);
  EXPECT_EQ(proto.ctx, &led_);
  EXPECT_EQ(device_get_fragment_protocol(parent.get(), "power", kLedProtocolId, &proto),
            ZX_ERR_NOT_SUPPORTED);
  EXPECT_EQ(device_get_fragment_protocol(parent.get(), "no-such-parent", kLedProtocolId, &proto),
            ZX_ERR_NOT_SUPPORTED);
}

TEST_F(ParentDeviceTest, NullArgumentsAreInvalid) {
  compat::ParentDevice parent(Incoming(true));
  test_led_protocol_t proto = {};
  EXPECT_EQ(device_get_protocol(nullptr, kLedProtocolId, &proto), ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(device_get_protocol(parent.get(), kLedProtocolId, nullptr), ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(device_get_fragment_protocol(nullptr, "default", kLedProtocolId, &proto),
            ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(device_get_fragment_protocol(parent.get(), nullptr, kLedProtocolId, &proto),
            ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(device_get_fragment_protocol(parent.get(), "default", kLedProtocolId, nullptr),
            ZX_ERR_INVALID_ARGS);
  compat::ParentDevice without_namespace(nullptr);
  EXPECT_EQ(device_get_protocol(without_namespace.get(), kLedProtocolId, &proto),
            ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(proto.ops, nullptr);
}

TEST_F(ParentDeviceTest, TheDeviceStaysTheSameWhenItsOwnerMoves) {
  compat::ParentDevice parent(Incoming(true));
  zx_device_t* device = parent.get();
  compat::ParentDevice moved(std::move(parent));
  EXPECT_EQ(moved.get(), device);
  test_led_protocol_t proto = {};
  EXPECT_EQ(device_get_protocol(device, kLedProtocolId, &proto), ZX_OK);
}

}  // namespace
}  // namespace fdfkit::driver
