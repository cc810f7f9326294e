// The decoder rejects every malformed encoding with the conformance error name, and never reads
// out of bounds; all handles of a rejected message are closed.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/zx/event.h>

#include "tests/fidl/codec_test_support.h"

namespace {

using fdfkit::testing::DecodeBytes;
namespace coding = test_fdfkit::internal;
using Bytes = std::vector<uint8_t>;

const Bytes kPresent(8, 0xff);

Bytes Concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::string Error(const fidl::internal::FidlType& type, const Bytes& bytes,
                  std::vector<zx_handle_t> handles = {}) {
  std::vector<uint64_t> storage;
  fidl::Status status = DecodeBytes(type, storage, bytes, std::move(handles));
  return status.ok() ? "ok" : status.lossy_description();
}

TEST(DecodeValidation, AcceptsTheCanonicalForm) {
  Bytes named = Concat({{5, 0, 0, 0, 0, 0, 0, 0}, kPresent, {'h', 'e', 'l', 'l', 'o', 0, 0, 0}});
  std::vector<uint64_t> storage;
  ASSERT_TRUE(DecodeBytes(coding::kCodingNamed, storage, named).ok());
  auto* decoded = reinterpret_cast<test_fdfkit::wire::Named*>(storage.data());
  EXPECT_EQ(decoded->s.get(), "hello");
}

TEST(DecodeValidation, Truncated) {
  EXPECT_EQ(Error(coding::kCodingPadded, Bytes(8, 0)), "TOO_FEW_BYTES_IN_PRIMARY_OBJECT");
  EXPECT_EQ(Error(coding::kCodingNamed, Concat({{5, 0, 0, 0, 0, 0, 0, 0}, kPresent})),
            "TOO_FEW_BYTES");
}

TEST(DecodeValidation, TrailingBytes) {
  EXPECT_EQ(Error(coding::kCodingPadded, Bytes(24, 0)), "TOO_MANY_BYTES_IN_MESSAGE");
}

TEST(DecodeValidation, NonZeroPadding) {
  Bytes padded{1, 0, 9, 0, 5, 4, 3, 2, 7, 6, 0, 0, 0, 0, 0, 0};  // byte 2 is padding
  EXPECT_EQ(Error(coding::kCodingPadded, padded), "INVALID_PADDING_BYTE");
  Bytes tail = Concat({{1, 0, 0, 0, 0, 0, 0, 0}, kPresent, {'a', 0, 0, 7, 0, 0, 0, 0}});
  EXPECT_EQ(Error(coding::kCodingNamed, tail), "INVALID_PADDING_BYTE");
}

TEST(DecodeValidation, PresenceMarkers) {
  Bytes bad_marker = Concat({{1, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(Error(coding::kCodingNamed, bad_marker), "INVALID_PRESENCE_INDICATOR");
  EXPECT_EQ(Error(coding::kCodingNamed, Bytes(16, 0)), "NON_NULLABLE_TYPE_WITH_NULL_VALUE");
  Bytes absent_with_count = Concat({{3, 0, 0, 0, 0, 0, 0, 0}, Bytes(8, 0)});
  EXPECT_EQ(Error(coding::kCodingOptionalBytes, absent_with_count),
            "NON_EMPTY_VECTOR_WITH_NULL_BODY");
}

TEST(DecodeValidation, HandleCountsAndMarkers) {
  zx::event a, b;
  ASSERT_EQ(zx::event::create(0, &a), ZX_OK);
  ASSERT_EQ(zx::event::create(0, &b), ZX_OK);
  // One handle present but none sent.
  EXPECT_EQ(Error(coding::kCodingHandles, Bytes{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}),
            "TOO_FEW_HANDLES");
  // Two sent, one used: both are closed when the message is rejected.
  zx_handle_t raw_a = a.release(), raw_b = b.release();
  EXPECT_EQ(Error(coding::kCodingHandles, Bytes{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0},
                  {raw_a, raw_b}),
            "TOO_MANY_HANDLES_IN_MESSAGE");
  EXPECT_EQ(zx_handle_close(raw_a), ZX_ERR_BAD_HANDLE);
  EXPECT_EQ(zx_handle_close(raw_b), ZX_ERR_BAD_HANDLE);
  EXPECT_EQ(Error(coding::kCodingHandles, Bytes{1, 0, 0, 0, 0, 0, 0, 0}),
            "INVALID_HANDLE_PRESENCE_INDICATOR");
}

TEST(DecodeValidation, StrictValues) {
  EXPECT_EQ(Error(coding::kCodingFlags, Bytes{4, 0, 2, 0, 0, 0, 0, 0}), "STRICT_BITS_UNKNOWN_BIT");
  EXPECT_EQ(Error(coding::kCodingFlags, Bytes{1, 0, 3, 0, 0, 0, 0, 0}),
            "STRICT_ENUM_UNKNOWN_VALUE");
  Bytes unknown_strict = Concat({{7, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 1, 0}});
  EXPECT_EQ(Error(coding::kCodingChoice, unknown_strict), "STRICT_UNION_UNKNOWN_FIELD");
  // The flexible union skips an unknown member.
  Bytes unknown_flexible =
      Concat({{7, 0, 0, 0, 0, 0, 0, 0}, {8, 0, 0, 0, 0, 0, 0, 0}, {1, 2, 3, 4, 5, 6, 7, 8}});
  EXPECT_EQ(Error(coding::kCodingOpen, unknown_flexible), "ok");
  Bytes bad_size =
      Concat({{7, 0, 0, 0, 0, 0, 0, 0}, {7, 0, 0, 0, 0, 0, 0, 0}, {1, 2, 3, 4, 5, 6, 7, 8}});
  EXPECT_EQ(Error(coding::kCodingOpen, bad_size), "INVALID_NUM_BYTES_IN_ENVELOPE");
}

TEST(DecodeValidation, BoundsAndUtf8) {
  Bytes too_many = Concat({{9, 0, 0, 0, 0, 0, 0, 0}, kPresent});  // names is vector<...>:8
  EXPECT_EQ(Error(coding::kCodingNames, too_many), "COUNT_EXCEEDS_LIMIT");
  Bytes bad_utf8 = Concat({{2, 0, 0, 0, 0, 0, 0, 0}, kPresent, {0xc3, 0x28, 0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(Error(coding::kCodingNamed, bad_utf8), "STRING_NOT_UTF8");
  Bytes huge = Concat({{0, 0, 0, 0, 1, 0, 0, 0}, kPresent});
  EXPECT_EQ(Error(coding::kCodingNamed, huge), "STRING_COUNT_EXCEEDS_32_BIT_LIMIT");
}

TEST(DecodeValidation, InlineBitMustMatchTheType) {
  // Choice.i (int32) must be inlined; here it claims to be out of line.
  Bytes wrong = Concat({{1, 0, 0, 0, 0, 0, 0, 0}, {8, 0, 0, 0, 0, 0, 0, 0}, Bytes(8, 0)});
  EXPECT_EQ(Error(coding::kCodingChoice, wrong), "INVALID_INLINE_BIT_IN_ENVELOPE");
}

TEST(DecodeValidation, ZeroCopyRejectsPointersOutsideTheArena) {
  fdf_arena_t* arena;
  ASSERT_EQ(fdf_arena_create(0, 'TEST', &arena), ZX_OK);
  auto* named = static_cast<test_fdfkit::wire::Named*>(
      fdf_arena_allocate(arena, sizeof(test_fdfkit::wire::Named)));
  static const char outside[] = "not on the arena";
  named->s = fidl::StringView::FromExternal(outside, 5);
  fidl::Status status =
      fidl::internal::AcceptTransfer(coding::kCodingNamed, named, arena, nullptr, 0);
  EXPECT_FALSE(status.ok());
  EXPECT_STREQ(status.lossy_description(), "POINTER_OUTSIDE_ARENA");
  fdf_arena_drop_ref(arena);
}

}  // namespace
