// Handle rules A*.
#include <lib/fdf/channel.h>
#include <lib/zx/event.h>

#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/fdf/channel.h"
#include "runtime/fdf/handle_table.h"

namespace {

TEST(HandleTest, A2_TableHoldsExactly64KiLiveHandlesAndValuesAreNeverReused) {
  std::vector<fdf_handle_t> handles;
  std::set<fdf_handle_t> seen;
  for (;;) {
    fdf_handle_t a, b;
    zx_status_t status = fdf_channel_create(0, &a, &b);
    if (status != ZX_OK) {
      EXPECT_EQ(status, ZX_ERR_NO_RESOURCES);
      break;
    }
    handles.push_back(a);
    handles.push_back(b);
  }
  EXPECT_EQ(handles.size(), 65536u);
  seen.insert(handles.begin(), handles.end());
  EXPECT_EQ(seen.size(), handles.size());
  fdf_handle_close(handles.back());
  handles.pop_back();
  fdf_handle_close(handles.back());
  handles.pop_back();
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  EXPECT_EQ(seen.count(a), 0u);
  EXPECT_EQ(seen.count(b), 0u);
  fdf_handle_close(a);
  fdf_handle_close(b);
  for (fdf_handle_t h : handles) fdf_handle_close(h);
}

TEST(HandleTest, A1_ZirconAndFdfHandlesAreDistinguishable) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  EXPECT_EQ(event.get() & 0x3u, 0x3u);
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  EXPECT_EQ(a & 0x3u, 0x2u);
  // fdf_handle_close forwards Zircon values to zx_handle_close.
  zx_handle_t raw = event.release();
  fdf_handle_close(raw);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(raw));
  fdf_handle_close(a);
  fdf_handle_close(b);
  fdf_handle_close(FDF_HANDLE_INVALID);
}

TEST(HandleTest, ChannelCreateRejectsNullOut) {
  fdf_handle_t a;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_create(0, &a, nullptr));
}

TEST(HandleTest, A3_TheTableResolvesOnlyLiveValuesAndOwnershipCanBeTakenBack) {
  auto& table = fdf_internal::HandleTable::Get();
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  EXPECT_TRUE(fdf_internal::HandleTable::IsFdfHandle(a));
  fdf_internal::RefPtr<fdf_internal::Channel> object = table.Lookup(a);
  ASSERT_TRUE(object);
  // Taking the table's reference frees the value; giving it back yields a new value for the
  // same object.
  fdf_internal::RefPtr<fdf_internal::Channel> owned = table.Remove(a);
  EXPECT_EQ(owned.get(), object.get());
  EXPECT_FALSE(table.Lookup(a));
  EXPECT_FALSE(table.Remove(a));
  fdf_handle_t again = table.Add(std::move(owned));
  EXPECT_NE(again, a);
  EXPECT_EQ(table.Lookup(again).get(), object.get());
  object = nullptr;
  fdf_handle_close(again);
  fdf_handle_close(b);
  EXPECT_FALSE(table.Lookup(again));
}

}  // namespace
