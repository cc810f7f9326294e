#include <lib/fdf/env.h>

#include <thread>

#include <gtest/gtest.h>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;

TEST(DriverContext, O1_PushPopIsLifoPerThread) {
  for (int i = 0; i < 40; ++i) {
    fdf_env_register_driver_entry(FakeDriver(i));
    EXPECT_EQ(fdf_env_get_current_driver(), FakeDriver(i));
  }
  for (int i = 39; i >= 0; --i) {
    EXPECT_EQ(fdf_env_get_current_driver(), FakeDriver(i));
    fdf_env_register_driver_exit();
  }
  EXPECT_EQ(fdf_env_get_current_driver(), nullptr);
}

TEST(DriverContext, O1_StackIsPerThread) {
  fdf_env_register_driver_entry(FakeDriver(1));
  std::thread other([] {
    EXPECT_EQ(fdf_env_get_current_driver(), nullptr);
    fdf_env_register_driver_entry(FakeDriver(2));
    EXPECT_EQ(fdf_env_get_current_driver(), FakeDriver(2));
    fdf_env_register_driver_exit();
  });
  other.join();
  EXPECT_EQ(fdf_env_get_current_driver(), FakeDriver(1));
  fdf_env_register_driver_exit();
}

TEST(DriverContextDeathTest, O1_PopOnEmptyStackAborts) {
  EXPECT_DEATH(fdf_env_register_driver_exit(), "popped while empty");
}

TEST(DriverContext, O2_NoCurrentDispatcherOnAFreshThread) {
  std::thread t([] { EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), nullptr); });
  t.join();
}

}  // namespace
