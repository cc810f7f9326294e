// The banjo sampler device and migrate-driver's rewrite of it answer the same calls the same way:
// a status and value from an out-parameter, a string written into the caller's buffer, the
// device's own list, an unknown channel refused at once, and samples
// answered later from a task (the @async callback, then a completer held by the task).
#include <gtest/gtest.h>
#include <lib/fdf/env.h>

#include "tests/migrate/driver/behaviour/sampler_harness.h"
#include "tests/runtime/runtime_fixture.h"

namespace fdfkit::testing {
namespace {

class SamplerMigrationTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_env_start(0));
    device_dispatcher_ = CreateDispatcher(FakeDriver(1));
  }
  void TearDown() override {
    ShutdownAndDestroy(device_dispatcher_);
    RuntimeTest::TearDown();
  }

  fdf_dispatcher_t* device_dispatcher_ = nullptr;
};

const SamplerTranscript kExpected = {
    "resolution ZX_OK 12",
    "name ZX_OK adc2-12bit",
    "channels ZX_OK 0,1",
    "sample 0 ZX_OK 1000",
    "sample 1 ZX_OK 2001",
    "sample 7 ZX_ERR_OUT_OF_RANGE",
    "sample 0 ZX_OK 1002",
};

TEST_F(SamplerMigrationTest, BanjoDeviceAnswers) {
  EXPECT_EQ(RunBanjoSampler(device_dispatcher_), kExpected);
}

TEST_F(SamplerMigrationTest, RewrittenDeviceAnswersTheSameOverTheDriverTransport) {
  EXPECT_EQ(RunFidlSampler(device_dispatcher_), kExpected);
}

}  // namespace
}  // namespace fdfkit::testing
