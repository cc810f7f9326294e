// fdfkit_fidl_library(... BINDINGS banjo): the generated C headers work from C code that links
// the <lib>_banjo_c targets (banjo_c_usage.c).
#include <gtest/gtest.h>

#include "tests/generators/banjo/banjo_c_usage.h"

namespace {

TEST(BanjoTargets, CCodeCallsThroughAnOpsTable) {
  uint8_t value = 7;
  EXPECT_EQ(BanjoCReadPin(1, &value), ZX_OK);
  EXPECT_EQ(value, 1);
  EXPECT_EQ(BanjoCReadPin(3, &value), ZX_OK);
  EXPECT_EQ(value, 0);
  EXPECT_EQ(BanjoCReadPin(4, &value), ZX_ERR_OUT_OF_RANGE);
}

TEST(BanjoTargets, DependenciesAndBanjoOnlyLibraries) {
  EXPECT_EQ(BanjoCI2cImplMaxOps(), 8u);
  EXPECT_EQ(BanjoCEthernetMacSize(), 6u);
}

}  // namespace
