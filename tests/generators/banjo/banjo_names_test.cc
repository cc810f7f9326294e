// fidlgen_banjo's C and C++ names, from the reference's worked examples.
#include "generators/banjo/banjo_names.h"

#include <gtest/gtest.h>

namespace {

TEST(BanjoNames, CNameFoldsCapitalRunsThenSnakeCases) {
  EXPECT_EQ(fdfkit::generators::banjo::CName("GpioImpl"), "gpio_impl");
  EXPECT_EQ(fdfkit::generators::banjo::CName("GetMaxTransferSize"), "get_max_transfer_size");
  EXPECT_EQ(fdfkit::generators::banjo::CName("DeRegister"), "de_register");
  EXPECT_EQ(fdfkit::generators::banjo::CName("GUIDType"), "guidtype");
  EXPECT_EQ(fdfkit::generators::banjo::CName("I2cImpl"), "i2c_impl");
}

TEST(BanjoNames, ProtocolAndMethodNamesMatchGpioImpl) {
  auto protocol = fdfkit::generators::banjo::BanjoNamesOf("GpioImpl");
  EXPECT_EQ(protocol.ops_type, "gpio_impl_protocol_ops_t");
  EXPECT_EQ(protocol.proto_type, "gpio_impl_protocol_t");
  EXPECT_EQ(protocol.protocol_id, "ZX_PROTOCOL_GPIO_IMPL");
  EXPECT_EQ(protocol.cpp_mixin, "ddk::GpioImplProtocol");
  EXPECT_EQ(protocol.cpp_client, "ddk::GpioImplProtocolClient");
  auto method = fdfkit::generators::banjo::BanjoNamesOf("GpioImpl", "ConfigIn", false);
  EXPECT_EQ(method.c_ops_member, "config_in");
  EXPECT_EQ(method.cpp_mixin, "GpioImplConfigIn");
  EXPECT_EQ(method.cpp_client, "ConfigIn");
  EXPECT_EQ(method.c_callback, "");
  EXPECT_EQ(fdfkit::generators::banjo::BanjoNamesOf("BlockImpl", "Queue", true).c_callback,
            "block_impl_queue_callback");
}

}  // namespace
