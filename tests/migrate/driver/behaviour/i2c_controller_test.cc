// The banjo I2C controller and migrate-driver's rewrite of it answer the same calls the same way:
// values and statuses, and transactions whose read ops the controller fills in place (banjo) or
// returns in the reply, one element per op (the rewrite): a write then reads, reads that wrap
// around the registers, a bus that does not exist, no ops.
#include <gtest/gtest.h>
#include <lib/fdf/env.h>

#include "tests/migrate/driver/behaviour/i2c_controller_harness.h"
#include "tests/runtime/runtime_fixture.h"

namespace fdfkit::testing {
namespace {

class I2cControllerMigrationTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_env_start(0));
    controller_dispatcher_ = CreateDispatcher(FakeDriver(1));
  }
  void TearDown() override {
    ShutdownAndDestroy(controller_dispatcher_);
    RuntimeTest::TearDown();
  }

  fdf_dispatcher_t* controller_dispatcher_ = nullptr;
};

const I2cTranscript kExpected = {
    "buses 0 1",
    "max_transfer 0 ZX_OK 16",
    "max_transfer 1 ZX_ERR_OUT_OF_RANGE",
    "transact 0 ZX_OK",
    "transact 0 ZX_OK read 0:333a3b66",
    "transact 0 ZX_OK read 0:ee read 1:eeff00",
    "transact 1 ZX_ERR_OUT_OF_RANGE",
    "transact 0 ZX_ERR_INVALID_ARGS",
};

TEST_F(I2cControllerMigrationTest, BanjoControllerAnswers) {
  EXPECT_EQ(RunBanjoI2cController(), kExpected);
}

TEST_F(I2cControllerMigrationTest, RewrittenControllerAnswersTheSameOverTheDriverTransport) {
  EXPECT_EQ(RunFidlI2cController(controller_dispatcher_), kExpected);
}

}  // namespace
}  // namespace fdfkit::testing
