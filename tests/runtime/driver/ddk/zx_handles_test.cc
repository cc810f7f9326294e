// The handle types banjo bindings name (lib/zx/<type>.h): each owns, moves, borrows, duplicates,
// releases and closes a handle like zx::object. A live event handle stands in for the objects
// Linux does not have.
#include <gtest/gtest.h>
#include <lib/zx/bti.h>
#include <lib/zx/clock.h>
#include <lib/zx/event.h>
#include <lib/zx/eventpair.h>
#include <lib/zx/fifo.h>
#include <lib/zx/iommu.h>
#include <lib/zx/job.h>
#include <lib/zx/msi.h>
#include <lib/zx/pmt.h>
#include <lib/zx/port.h>
#include <lib/zx/process.h>
#include <lib/zx/profile.h>
#include <lib/zx/resource.h>
#include <lib/zx/socket.h>
#include <lib/zx/stream.h>
#include <lib/zx/thread.h>
#include <lib/zx/timer.h>
#include <lib/zx/vmar.h>

#include <type_traits>

namespace {

bool IsLive(zx_handle_t handle) {
  return zx_object_get_info(handle, ZX_INFO_HANDLE_VALID, nullptr, 0, nullptr, nullptr) == ZX_OK;
}

template <typename T>
class ZxHandleTypeTest : public ::testing::Test {};

using HandleTypes =
    ::testing::Types<zx::bti, zx::clock, zx::eventpair, zx::fifo, zx::iommu, zx::job, zx::msi,
                     zx::pmt, zx::port, zx::process, zx::profile, zx::resource, zx::socket,
                     zx::stream, zx::thread, zx::timer, zx::vmar>;
TYPED_TEST_SUITE(ZxHandleTypeTest, HandleTypes);

TYPED_TEST(ZxHandleTypeTest, OwnsMovesBorrowsDuplicatesAndCloses) {
  static_assert(std::is_base_of_v<zx::object<TypeParam>, TypeParam>);
  static_assert(!std::is_copy_constructible_v<TypeParam>);
  zx::event event;
  ASSERT_EQ(zx::event::create(0, &event), ZX_OK);
  zx_handle_t value = event.get();
  TypeParam owner(zx::handle(event.release()));
  EXPECT_TRUE(owner.is_valid());
  EXPECT_EQ(owner.get(), value);

  TypeParam moved(std::move(owner));
  EXPECT_FALSE(owner.is_valid());
  EXPECT_EQ(moved.get(), value);
  zx::unowned<TypeParam> borrowed = moved.borrow();
  EXPECT_EQ(borrowed->get(), value);
  EXPECT_EQ(borrowed->get(), value);  // a second look does not close what it borrows
  EXPECT_TRUE(IsLive(value));

  TypeParam duplicate;
  ASSERT_EQ(moved.duplicate(ZX_RIGHT_SAME_RIGHTS, &duplicate), ZX_OK);
  EXPECT_NE(duplicate.get(), value);
  zx_handle_t duplicate_value = duplicate.get();
  duplicate.reset();
  EXPECT_FALSE(IsLive(duplicate_value));

  {
    TypeParam adopted(moved.release());
    EXPECT_FALSE(moved.is_valid());
    EXPECT_TRUE(IsLive(value));
  }
  EXPECT_FALSE(IsLive(value));  // closed with its owner
}

TEST(ZxHandleTypeTest, UnownedAliases) {
  static_assert(std::is_same_v<zx::unowned_bti, zx::unowned<zx::bti>>);
  static_assert(std::is_same_v<zx::unowned_eventpair, zx::unowned<zx::eventpair>>);
  static_assert(std::is_same_v<zx::unowned_vmar, zx::unowned<zx::vmar>>);
  static_assert(std::is_same_v<zx::unowned_clock, zx::unowned<zx::clock>>);
  static_assert(std::is_same_v<zx::unowned_msi, zx::unowned<zx::msi>>);
  SUCCEED();
}

TEST(ZxHandleTypeTest, ClockReadsTheMonotonicClock) {
  zx::time before = zx::clock::get_monotonic();
  zx::time after = zx::clock::get_monotonic();
  EXPECT_GT(before.get(), 0);
  EXPECT_LE(before, after);
}

}  // namespace
