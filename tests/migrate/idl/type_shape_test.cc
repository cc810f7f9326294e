// Wire format v2 shapes and struct offsets, checked against the layouts the format defines.
#include <gtest/gtest.h>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace flat = fdfkit::idl::flat;
using flat::TypeShape;

struct Expected {
  uint32_t inline_size, alignment, depth, max_handles, max_out_of_line;
  bool has_padding, has_flexible_envelope;
};

void ExpectShape(const TypeShape& s, const Expected& e, const std::string& what) {
  EXPECT_EQ(s.inline_size, e.inline_size) << what;
  EXPECT_EQ(s.alignment, e.alignment) << what;
  EXPECT_EQ(s.depth, e.depth) << what;
  EXPECT_EQ(s.max_handles, e.max_handles) << what;
  EXPECT_EQ(s.max_out_of_line, e.max_out_of_line) << what;
  EXPECT_EQ(s.has_padding, e.has_padding) << what;
  EXPECT_EQ(s.has_flexible_envelope, e.has_flexible_envelope) << what;
}

class Shapes : public ::testing::Test {
 protected:
  void SetUp() override {
    compiled_ = fdfkit::idl::testing::Compile(R"(library shapes;
using zx;
type Padded = struct { a uint8; b uint32; c uint16; };
type Inner = struct { a uint8; b uint16; };
type Outer = struct { x uint8; inner Inner; y uint64; };
type Empty = struct {};
type Bytes = struct { v vector<uint8>:optional; };
type Bounded = struct { v vector<uint32>:10; s string:5; };
type Strings = struct { v vector<string:3>:2; };
type Handles = resource struct { h array<zx.Handle:VMO, 3>; more vector<zx.Handle>:4; };
type Boxed = struct { b box<Padded>; };
type Choice = strict union { 1: small uint16; 2: big uint64; 3: text string:20; };
type Open = flexible union { 1: a uint32; };
type Settings = table { 1: level uint8; 3: name string:10; };
type EmptyTable = table {};
type Node = struct { value uint32; next box<Node>; };
type Tree = struct { children vector<Tree>; };
type Arrays = struct { a array<uint16, 3>; };
)");
    ASSERT_TRUE(compiled_.ok) << compiled_.errors();
  }
  TypeShape Of(const std::string& name) {
    const flat::Decl* d = compiled_.decl("shapes", name);
    if (!d) {
      ADD_FAILURE() << name;
      return {};
    }
    switch (d->kind) {
      case flat::Decl::Kind::kStruct: return static_cast<const flat::Struct*>(d)->shape;
      case flat::Decl::Kind::kUnion: return static_cast<const flat::Union*>(d)->shape;
      case flat::Decl::Kind::kTable: return static_cast<const flat::Table*>(d)->shape;
      default: return static_cast<const flat::Enum*>(d)->shape;
    }
  }
  const flat::Struct* Struct(const std::string& name) {
    return compiled_.decl<flat::Struct>("shapes", name);
  }
  fdfkit::idl::testing::Compiled compiled_;
};

constexpr uint32_t kMax = TypeShape::kUnbounded;

TEST_F(Shapes, StructsPadToMemberAlignment) {
  ExpectShape(Of("Padded"), {12, 4, 0, 0, 0, true, false}, "Padded");
  const flat::Struct* padded = Struct("Padded");
  EXPECT_EQ(padded->members[0].offset, 0u);
  EXPECT_EQ(padded->members[0].padding, 3u);
  EXPECT_EQ(padded->members[1].offset, 4u);
  EXPECT_EQ(padded->members[2].offset, 8u);
  EXPECT_EQ(padded->members[2].padding, 2u);  // struct tail padding
  // A nested struct keeps its own layout and is placed at its own alignment.
  ExpectShape(Of("Inner"), {4, 2, 0, 0, 0, true, false}, "Inner");
  ExpectShape(Of("Outer"), {16, 8, 0, 0, 0, true, false}, "Outer");
  EXPECT_EQ(Struct("Outer")->members[1].offset, 2u);
  EXPECT_EQ(Struct("Outer")->members[2].offset, 8u);
  ExpectShape(Of("Empty"), {1, 1, 0, 0, 0, false, false}, "Empty");
  ExpectShape(Of("Arrays"), {6, 2, 0, 0, 0, false, false}, "Arrays");
}

TEST_F(Shapes, VectorsAndStringsCountTheirBodies) {
  ExpectShape(Of("Bytes"), {16, 8, 1, 0, kMax, true, false}, "Bytes");
  // 10 × 4 bytes = 40; a 5-byte string body pads to 8.
  ExpectShape(Of("Bounded"), {32, 8, 1, 0, 48, true, false}, "Bounded");
  // Two 16-byte string headers, then two 3-byte bodies each padded to 8.
  ExpectShape(Of("Strings"), {16, 8, 2, 0, 32 + 16, true, false}, "Strings");
  ExpectShape(Of("Handles"), {32, 8, 1, 3 + 4, 16, true, false}, "Handles");
}

TEST_F(Shapes, BoxesUnionsAndTablesUseEnvelopesAndPointers) {
  ExpectShape(Of("Boxed"), {8, 8, 1, 0, 16, true, false}, "Boxed");
  // Largest out-of-line member: the string (16-byte header + 24-byte body).
  ExpectShape(Of("Choice"), {16, 8, 2, 0, 16 + 24, true, false}, "Choice");
  ExpectShape(Of("Open"), {16, 8, 1, 0, 0, false, true}, "Open");
  // Three envelopes (ordinal 2 is a gap), then the string header and body.
  ExpectShape(Of("Settings"), {16, 8, 3, 0, 24 + 16 + 16, true, true}, "Settings");
  ExpectShape(Of("EmptyTable"), {16, 8, 1, 0, 0, false, true}, "EmptyTable");
}

TEST_F(Shapes, RecursionThroughIndirectionIsUnbounded) {
  ExpectShape(Of("Node"), {16, 8, kMax, 0, kMax, true, false}, "Node");
  ExpectShape(Of("Tree"), {16, 8, kMax, 0, kMax, true, false}, "Tree");
}

TEST(MethodShapes, BodiesAndMessageSizes) {
  auto c = fdfkit::idl::testing::Compile(R"(library shapes.methods;
closed protocol P {
    strict Small(struct { a uint32; }) -> ();
    strict Big(struct { data vector<uint8>:70000; });
    strict Open(struct { data vector<uint8>; });
};
)");
  ASSERT_TRUE(c.ok) << c.errors();
  auto* p = c.decl<flat::Protocol>("shapes.methods", "P");
  const flat::Method& small = p->methods[0];
  ASSERT_TRUE(small.request_shape());
  EXPECT_EQ(small.request_shape()->inline_size, 4u);
  EXPECT_EQ(flat::MaxMessageSize(small.request_shape()), 16u + 8u);
  EXPECT_FALSE(small.response_shape());  // `-> ()` sends the header alone
  EXPECT_EQ(flat::MaxMessageSize(small.response_shape()), 16u);
  EXPECT_EQ(flat::MaxMessageSize(p->methods[1].request_shape()), 16u + 16u + 70000u);
  EXPECT_EQ(flat::MaxMessageSize(p->methods[2].request_shape()), UINT64_MAX);
}

}  // namespace
