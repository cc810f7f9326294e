// The driver transport's zero-copy hand-over (runtime/fidl/zero_copy.cc): what a failed send does
// to the sender's object and handles, the size of the handle table, the object-type check on
// receipt, and forwarding members this side does not know.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/fdf/cpp/arena.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/zx/event.h>
#include <lib/zx/vmo.h>
#include <zircon/syscalls.h>

#include <cstring>
#include <new>

namespace {

namespace coding = test_fdfkit::internal;
namespace wire = test_fdfkit::wire;
using fidl::internal::FidlType;
using fidl::internal::TransferHandles;
using fidl::internal::WireEnvelope;

// The generic walk, as a message that fails the in-place predicate takes it.
FidlType WalkOnly(const FidlType& type) {
  FidlType copy = type;
  copy.in_place = nullptr;
  return copy;
}

bool Live(zx_handle_t handle) {
  return zx_object_get_info(handle, ZX_INFO_HANDLE_VALID, nullptr, 0, nullptr, nullptr) == ZX_OK;
}

zx_handle_t FieldBits(const void* field) {
  zx_handle_t bits;
  std::memcpy(&bits, field, sizeof(bits));
  return bits;
}

template <typename T>
T* OnArena(fdf::Arena& arena) {
  return new (arena.Allocate(sizeof(T))) T{};
}

// `text` breaks its bound after `a` was taken and before `b`: the object keeps no handle index
// (its owning fields would close index 1 as a handle), and both handles are closed.
TEST(ZeroCopy, ASendThatFailsPartwayClosesEveryHandleAndLeavesNoIndexBehind) {
  fdf::Arena arena('TEST');
  auto* value = OnArena<wire::Mixed>(arena);
  ASSERT_EQ(zx::event::create(0, &value->a), ZX_OK);
  ASSERT_EQ(zx::event::create(0, &value->b), ZX_OK);
  zx_handle_t a = value->a.get(), b = value->b.get();
  value->text = fidl::StringView("too long");
  TransferHandles handles{nullptr, 0};
  fidl::Status status =
      fidl::internal::PrepareTransfer(coding::kCodingMixed, value, arena.get(), &handles);
  EXPECT_EQ(status.reason(), fidl::Reason::kEncodeError);
  EXPECT_STREQ(status.lossy_description(), "STRING_TOO_LONG");
  EXPECT_EQ(handles.count, 0u);
  EXPECT_EQ(FieldBits(&value->a), ZX_HANDLE_INVALID);
  EXPECT_EQ(FieldBits(&value->b), ZX_HANDLE_INVALID);
  EXPECT_FALSE(Live(a));
  EXPECT_FALSE(Live(b));
  value->~Mixed();
}

// The handle table holds exactly the message's handles; each field carries its 1-based index
// until the receiver puts the handles back.
TEST(ZeroCopy, TheHandleTableIsExactlyTheMessagesHandles) {
  fdf::Arena arena('TEST');
  auto* value = OnArena<wire::Handles>(arena);
  ASSERT_EQ(zx::vmo::create(4096, 0, &value->h), ZX_OK);
  zx_handle_t vmo = value->h.get();
  TransferHandles handles{nullptr, 0};
  ASSERT_TRUE(fidl::internal::PrepareTransfer(coding::kCodingHandles, value, arena.get(), &handles)
                  .ok());
  ASSERT_EQ(handles.count, 1u);
  ASSERT_NE(handles.handles, nullptr);
  EXPECT_TRUE(arena.Contains(handles.handles, sizeof(zx_handle_t)));
  EXPECT_EQ(handles.handles[0], vmo);
  EXPECT_EQ(FieldBits(&value->h), 1u);
  EXPECT_EQ(FieldBits(&value->o), ZX_HANDLE_INVALID);
  ASSERT_TRUE(fidl::internal::AcceptTransfer(coding::kCodingHandles, value, arena.get(),
                                             handles.handles, handles.count,
                                             &fidl::internal::HandleHasType)
                  .ok());
  EXPECT_EQ(value->h.get(), vmo);
  value->~Handles();
}

// On the driver transport too, a received handle must be of its declared object type.
TEST(ZeroCopy, AReceivedHandleOfTheWrongObjectTypeIsRejectedAndClosed) {
  fdf::Arena arena('TEST');
  auto* value = OnArena<wire::Handles>(arena);
  zx::event not_a_vmo;
  ASSERT_EQ(zx::event::create(0, &not_a_vmo), ZX_OK);
  zx_handle_t raw = not_a_vmo.get();
  value->h.reset(not_a_vmo.release());  // the sender does not check; the receiver must
  TransferHandles handles{nullptr, 0};
  ASSERT_TRUE(fidl::internal::PrepareTransfer(coding::kCodingHandles, value, arena.get(), &handles)
                  .ok());
  fidl::Status status = fidl::internal::AcceptTransfer(coding::kCodingHandles, value, arena.get(),
                                                       handles.handles, handles.count,
                                                       &fidl::internal::HandleHasType);
  EXPECT_EQ(status.reason(), fidl::Reason::kDecodeError);
  EXPECT_STREQ(status.lossy_description(), "INCORRECT_HANDLE_TYPE");
  EXPECT_FALSE(Live(raw));
  std::memset(static_cast<void*>(value), 0, sizeof(*value));  // holds an index, not a handle
}

// Writes `ordinal` and `envelope` over a union's 16 bytes, as a receiver that knows fewer
// members than the sender ends up holding it.
template <typename Union>
void SetRawUnion(Union* value, uint64_t ordinal, const WireEnvelope& envelope) {
  static_assert(sizeof(Union) == 16);
  std::memcpy(reinterpret_cast<uint8_t*>(value), &ordinal, 8);
  std::memcpy(reinterpret_cast<uint8_t*>(value) + 8, &envelope, 8);
}

// A flexible value type received with a member this side does not know can be sent on: its bytes
// cross as they are. Out-of-line unknown content must already be on the arena (its size is not
// known, so it cannot be copied); a resource type's cannot be sent (its handles were closed).
TEST(ZeroCopy, UnknownMembersOfValueTypesAreForwardedAsTheyAre) {
  fdf::Arena arena('TEST');
  const FidlType open = WalkOnly(coding::kCodingOpen);
  auto* value = OnArena<wire::Open>(arena);
  WireEnvelope inline_envelope{};
  inline_envelope.SetInline(uint32_t{42});
  SetRawUnion(value, 7, inline_envelope);
  TransferHandles handles{nullptr, 0};
  EXPECT_TRUE(fidl::internal::PrepareTransfer(open, value, arena.get(), &handles).ok());

  auto* content = static_cast<uint8_t*>(arena.Allocate(16));
  WireEnvelope on_arena{};
  on_arena.SetPointer(content);
  SetRawUnion(value, 7, on_arena);
  EXPECT_TRUE(fidl::internal::PrepareTransfer(open, value, arena.get(), &handles).ok());

  uint8_t elsewhere[16] = {};
  WireEnvelope off_arena{};
  off_arena.SetPointer(elsewhere);
  SetRawUnion(value, 7, off_arena);
  fidl::Status status = fidl::internal::PrepareTransfer(open, value, arena.get(), &handles);
  EXPECT_STREQ(status.lossy_description(), "UNKNOWN_CONTENT_OUTSIDE_ARENA");

  auto* resource = OnArena<wire::ResourceChoice>(arena);
  SetRawUnion(resource, 9, inline_envelope);
  status = fidl::internal::PrepareTransfer(coding::kCodingResourceChoice, resource, arena.get(),
                                           &handles);
  EXPECT_STREQ(status.lossy_description(), "UNKNOWN_RESOURCE_CONTENT");
  std::memset(static_cast<void*>(resource), 0, sizeof(*resource));
}

TEST(ZeroCopy, UnknownTableFieldsOfValueTypesAreForwardedAsTheyAre) {
  fdf::Arena arena('TEST');
  auto* frame = static_cast<WireEnvelope*>(arena.Allocate(5 * sizeof(WireEnvelope)));
  std::memset(static_cast<void*>(frame), 0, 5 * sizeof(WireEnvelope));
  frame[0].SetInline(uint16_t{7});  // a: known
  frame[4].SetInline(uint32_t{1});  // ordinal 5: unknown here
  auto* table = static_cast<uint8_t*>(arena.Allocate(16));
  uint64_t max_ordinal = 5;
  std::memcpy(table, &max_ordinal, 8);
  std::memcpy(table + 8, &frame, 8);
  TransferHandles handles{nullptr, 0};
  EXPECT_TRUE(
      fidl::internal::PrepareTransfer(coding::kCodingSparse, table, arena.get(), &handles).ok());
  EXPECT_TRUE(fidl::internal::AcceptTransfer(coding::kCodingSparse, table, arena.get(), nullptr, 0)
                  .ok());
}

}  // namespace
