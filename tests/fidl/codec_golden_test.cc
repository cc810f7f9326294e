// Wire format v2 encodings, byte for byte. Expected bytes are worked out by hand from the
// wire-format rules (alignment, padding to 8, presence markers, envelopes); comments say why.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/zx/event.h>
#include <lib/zx/vmo.h>

#include "tests/fidl/codec_test_support.h"

namespace {

using fdfkit::testing::EncodeValue;
namespace wire = test_fdfkit::wire;
namespace coding = test_fdfkit::internal;
using Bytes = std::vector<uint8_t>;

TEST(CodecGolden, StructWithPadding) {
  wire::Padded value{1, 0x02030405, 0x0607};
  auto out = EncodeValue(coding::kCodingPadded, &value);
  ASSERT_TRUE(out.status.ok()) << out.status;
  EXPECT_EQ(out.bytes, (Bytes{0x01, 0, 0, 0, 0x05, 0x04, 0x03, 0x02,    // a, 3 pad, b LE
                              0x07, 0x06, 0, 0, 0, 0, 0, 0}));         // c, tail pad to 16
}

TEST(CodecGolden, NestedStructKeepsItsAlignment) {
  wire::Outer value{0xaa, {0x11, 0x2233}, 1};
  auto out = EncodeValue(coding::kCodingOuter, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{0xaa, 0, 0x11, 0, 0x33, 0x22, 0, 0,  // inner at 2, its own pad
                              1, 0, 0, 0, 0, 0, 0, 0}));          // y at 8
}

TEST(CodecGolden, VectorPresentEmptyAbsent) {
  uint8_t data[] = {1, 2, 3};
  wire::OptionalBytes present{fidl::VectorView<uint8_t>::FromExternal(data, 3)};
  auto out = EncodeValue(coding::kCodingOptionalBytes, &present);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{3, 0, 0, 0, 0, 0, 0, 0,                      // count
                              0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  // present
                              1, 2, 3, 0, 0, 0, 0, 0}));                  // body padded to 8
  wire::OptionalBytes empty{fidl::VectorView<uint8_t>::FromExternal(data, 0)};
  out = EncodeValue(coding::kCodingOptionalBytes, &empty);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff}));  // no out-of-line object at all
  wire::OptionalBytes absent{};
  out = EncodeValue(coding::kCodingOptionalBytes, &absent);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, Bytes(16, 0));
}

TEST(CodecGolden, StringIsCountedUtf8WithoutTerminator) {
  wire::Named value{"hello"};
  auto out = EncodeValue(coding::kCodingNamed, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{5, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff, 'h', 'e', 'l', 'l', 'o', 0, 0, 0}));
}

// A default view in a required string or vector field is sent as an empty one, as Fuchsia's wire
// encoder does (count 0, presence marker set); decoding stays strict (DecodeValidation).
TEST(CodecGolden, ADefaultViewInARequiredFieldEncodesAsEmpty) {
  wire::Named value{};
  ASSERT_TRUE(value.s.is_null());
  auto out = EncodeValue(coding::kCodingNamed, &value);
  ASSERT_TRUE(out.status.ok()) << out.status;
  EXPECT_EQ(out.bytes, (Bytes{0, 0, 0, 0, 0, 0, 0, 0,                          // count 0
                              0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));  // present
}

TEST(CodecGolden, BoxIsAnOutOfLineObject) {
  wire::Point point{1, 2};
  wire::Boxed value{fidl::ObjectView<wire::Point>::FromExternal(&point)};
  auto out = EncodeValue(coding::kCodingBoxed, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  // present
                              1, 0, 0, 0, 2, 0, 0, 0}));
  wire::Boxed absent{};
  out = EncodeValue(coding::kCodingBoxed, &absent);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, Bytes(8, 0));
}

TEST(CodecGolden, ArrayElementsBackToBack) {
  wire::Shorts value{{{1, 2, 3}}};
  auto out = EncodeValue(coding::kCodingShorts, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{1, 0, 2, 0, 3, 0, 0, 0}));
}

TEST(CodecGolden, HandlesMoveOutWithTheirDeclaredMetadata) {
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(64, 0, &vmo), ZX_OK);
  zx_handle_t raw = vmo.get();
  wire::Handles value{std::move(vmo), zx::event()};
  auto out = EncodeValue(coding::kCodingHandles, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}));  // h present, o absent
  ASSERT_EQ(out.handles.size(), 1u);
  EXPECT_EQ(out.handles[0], raw);
  EXPECT_EQ(out.metadata[0].type, ZX_OBJ_TYPE_VMO);
  EXPECT_EQ(out.metadata[0].rights, 0x80000000u);  // SAME_RIGHTS
  EXPECT_FALSE(value.h.is_valid());                 // moved into the message
  zx_handle_close(raw);
}

TEST(CodecGolden, TableWithGapInlinedAndOutOfLineEnvelopes) {
  fidl::Arena arena;
  wire::Sparse table =
      wire::Sparse::Builder(arena).a(5).c(0x1122334455667788u).d(fidl::StringView("hi")).Build();
  auto out = EncodeValue(coding::kCodingSparse, &table);
  ASSERT_TRUE(out.status.ok()) << out.status;
  EXPECT_EQ(out.bytes, (Bytes{
                           4, 0, 0, 0, 0, 0, 0, 0,                          // highest ordinal
                           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  // present
                           5, 0, 0, 0, 0, 0, 1, 0,                          // a inline
                           0, 0, 0, 0, 0, 0, 0, 0,                          // b unset
                           8, 0, 0, 0, 0, 0, 0, 0,                          // c: 8 bytes
                           24, 0, 0, 0, 0, 0, 0, 0,                         // d: 16 + 8 bytes
                           0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,  // c
                           2, 0, 0, 0, 0, 0, 0, 0,                          // d header
                           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  //
                           'h', 'i', 0, 0, 0, 0, 0, 0}));                   // d body
}

TEST(CodecGolden, StrictUnionInlinedAndOutOfLine) {
  fidl::Arena arena;
  wire::Choice s = wire::Choice::WithS(arena, fidl::StringView("abc"));
  auto out = EncodeValue(coding::kCodingChoice, &s);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{2, 0, 0, 0, 0, 0, 0, 0,    // ordinal 2
                              24, 0, 0, 0, 0, 0, 0, 0,   // 24 bytes out of line
                              3, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff, 'a', 'b', 'c', 0, 0, 0, 0, 0}));
  wire::Choice i = wire::Choice::WithI(-1);
  out = EncodeValue(coding::kCodingChoice, &i);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 1, 0}));
  wire::Choice unset;
  EXPECT_STREQ(EncodeValue(coding::kCodingChoice, &unset).status.lossy_description(),
               "UNION_FIELD_NOT_SET");
}

TEST(CodecGolden, BitsAndEnums) {
  wire::Flags value{wire::Rights::kR | wire::Rights::kW, wire::Kind::kY};
  auto out = EncodeValue(coding::kCodingFlags, &value);
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.bytes, (Bytes{3, 0, 2, 0, 0, 0, 0, 0}));
  wire::Flags bad{wire::Rights(4), wire::Kind::kY};
  EXPECT_STREQ(EncodeValue(coding::kCodingFlags, &bad).status.lossy_description(),
               "STRICT_BITS_UNKNOWN_BIT");
}

TEST(CodecGolden, VectorOfStringsPutsEveryBodyAfterTheHeaders) {
  fidl::StringView names[] = {"a", "bc"};
  wire::Names value{fidl::VectorView<fidl::StringView>::FromExternal(names, 2)};
  auto out = EncodeValue(coding::kCodingNames, &value);
  ASSERT_TRUE(out.status.ok());
  constexpr uint8_t kPresent = 0xff;
  Bytes expected{
      2,   0,   0,   0,   0,   0,   0,   0,                                   // vector count
      kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent,
      1,   0,   0,   0,   0,   0,   0,   0,                                   // "a": size
      kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent,
      2,   0,   0,   0,   0,   0,   0,   0,                                   // "bc": size
      kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent, kPresent,
      'a', 0,   0,   0,   0,   0,   0,   0,                                   // bodies, padded
      'b', 'c', 0,   0,   0,   0,   0,   0,
  };
  EXPECT_EQ(out.bytes, expected);
}

TEST(CodecGolden, TransactionalHeaderAndOrdinal) {
  // The ordinal is SHA-256("test.fdfkit/Echo.Divide")[0..8] LE with bit 63 cleared; the method is
  // flexible so the dynamic flag 0x80 is set.
  auto header = fidl::WireMessageHeader::Make(1, test_fdfkit::Echo::Divide::kOrdinal, true);
  uint8_t bytes[16];
  std::memcpy(bytes, &header, 16);
  EXPECT_EQ(bytes[4], 0x02);  // at-rest flags: v2
  EXPECT_EQ(bytes[6], 0x80);  // flexible
  EXPECT_EQ(bytes[7], 0x01);  // magic
  EXPECT_EQ(test_fdfkit::Echo::Divide::kOrdinal & (1ull << 63), 0u);
  EXPECT_FALSE(test_fdfkit::Echo::EchoString::kFlexible);
}

}  // namespace
