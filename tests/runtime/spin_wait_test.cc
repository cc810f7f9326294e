// SpinUntil's bound, which fdf_channel_call uses so that a short deadline is not overrun by
// spinning, and the pool-thread test that keeps pool threads from spinning at all.
#include "runtime/fdf/spin_wait.h"

#include <lib/async/cpp/task.h>

#include "runtime/fdf/thread_pool.h"
#include "tests/runtime/runtime_fixture.h"

namespace {

using fdf_internal::SpinUntil;
using fdfkit::testing::FakeDriver;

TEST(SpinUntil, APassedBoundChecksOnceAndDoesNotSpin) {
  int checks = 0;
  auto past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  EXPECT_FALSE(SpinUntil([&] { return ++checks > 100; }, past));
  EXPECT_EQ(checks, 1);
}

TEST(SpinUntil, ReturnsAsSoonAsReady) {
  int checks = 0;
  auto far = std::chrono::steady_clock::now() + std::chrono::hours(1);
  EXPECT_TRUE(SpinUntil([&] { return ++checks == 5; }, far));
  EXPECT_EQ(checks, 5);
}

class PoolThreadTest : public fdfkit::testing::RuntimeTest {};

TEST_F(PoolThreadTest, OnlyThePoolsThreadsSayTheyAre) {
  EXPECT_FALSE(fdf_internal::ThreadPool::OnPoolThread());
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::atomic<int> on_pool{-1};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d),
                  [&] { on_pool = fdf_internal::ThreadPool::OnPoolThread() ? 1 : 0; });
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(on_pool.load(), 1);
  ShutdownAndDestroy(d);
}

}  // namespace
