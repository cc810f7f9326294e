// The generated in-place predicates (FidlType::in_place) that let the zero-copy transfer skip its
// walk: which structs get one, what each says for valid and invalid objects, and -- the property
// the transfer relies on -- never "as it is" for an object the generic walk would reject.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/fdf/arena.h>
#include <lib/fdf/cpp/arena.h>
#include <lib/fidl/cpp/wire/codec.h>

#include <cstddef>
#include <cstring>
#include <random>

namespace {

namespace coding = test_fdfkit::internal;
namespace wire = test_fdfkit::wire;
using fidl::internal::FidlType;

// The same type without its predicate: what the transfer would do without the fast path.
FidlType WalkOnly(const FidlType& type) {
  FidlType copy = type;
  copy.in_place = nullptr;
  return copy;
}

bool InPlace(const FidlType& type, const void* value, fdf::Arena& arena) {
  return type.in_place(value, arena.get());
}

TEST(InPlace, GeneratedForSimpleStructsOnly) {
  // Vectors and strings of plain elements, bools, strict bits and enums, nested structs.
  EXPECT_NE(coding::kCodingPayload.in_place, nullptr);
  EXPECT_NE(coding::kCodingNamed.in_place, nullptr);
  EXPECT_NE(coding::kCodingOptionalBytes.in_place, nullptr);
  EXPECT_NE(coding::kCodingFlags.in_place, nullptr);
  EXPECT_NE(coding::kCodingOuter.in_place, nullptr);
  EXPECT_NE(coding::kCodingBounded.in_place, nullptr);
  EXPECT_NE(coding::kCodingGpioEchoRequest.in_place, nullptr);
  // Plain structs need no walk at all; the rest need the walk.
  EXPECT_EQ(coding::kCodingPoint.in_place, nullptr);
  EXPECT_EQ(coding::kCodingHandles.in_place, nullptr);         // handles move to the table
  EXPECT_EQ(coding::kCodingBoxed.in_place, nullptr);           // a box may need a copy
  EXPECT_EQ(coding::kCodingNames.in_place, nullptr);           // vector of strings
  EXPECT_EQ(coding::kCodingGpioDescribeRequest.in_place, nullptr);  // a union
  EXPECT_EQ(coding::kCodingGpioTakeVmoRequest.in_place, nullptr);   // a resource
}

class InPlaceBounded : public ::testing::Test {
 protected:
  InPlaceBounded() {
    value_ = static_cast<wire::Bounded*>(arena_.Allocate(sizeof(wire::Bounded)));
    std::memset(static_cast<void*>(value_), 0, sizeof(wire::Bounded));
    value_->v = fidl::VectorView<uint16_t>(arena_, 4);
    value_->s = fidl::StringView(arena_, "abc");
    value_->on = true;
    value_->flags.b = wire::Rights::kR;
    value_->flags.e = wire::Kind::kY;
  }
  bool InPlace() { return ::InPlace(coding::kCodingBounded, value_, arena_); }

  fdf::Arena arena_{'TEST'};
  wire::Bounded* value_;
};

TEST_F(InPlaceBounded, ValidObjectOnTheArena) { EXPECT_TRUE(InPlace()); }

TEST_F(InPlaceBounded, EachBrokenRuleSaysWalk) {
  static uint16_t outside[2];
  value_->v = fidl::VectorView<uint16_t>::FromExternal(outside, 2);
  EXPECT_FALSE(InPlace()) << "data outside the arena";
  value_->v = fidl::VectorView<uint16_t>(arena_, 5);
  EXPECT_FALSE(InPlace()) << "over the bound of 4";
  value_->v = fidl::VectorView<uint16_t>();
  EXPECT_FALSE(InPlace()) << "absent, but not optional";
  value_->v = fidl::VectorView<uint16_t>(arena_, 0);
  EXPECT_TRUE(InPlace());

  value_->s = fidl::StringView(arena_, "\xff");
  EXPECT_FALSE(InPlace()) << "not UTF-8";
  value_->s = fidl::StringView(arena_, "abcd");
  EXPECT_FALSE(InPlace()) << "over the bound of 3";
  value_->s = fidl::StringView(arena_, "ok");
  EXPECT_TRUE(InPlace());

  reinterpret_cast<uint8_t*>(&value_->on)[0] = 2;
  EXPECT_FALSE(InPlace()) << "bool neither 0 nor 1";
  value_->on = false;
  EXPECT_TRUE(InPlace());

  uint8_t unknown_bit = 4;
  std::memcpy(&value_->flags.b, &unknown_bit, 1);
  EXPECT_FALSE(InPlace()) << "unknown strict bit";
  value_->flags.b = wire::Rights::kW;
  uint16_t unknown_member = 7;
  std::memcpy(&value_->flags.e, &unknown_member, 2);
  EXPECT_FALSE(InPlace()) << "unknown strict enum member";
}

TEST(InPlace, OptionalVectorMayBeAbsentButNotCounted) {
  fdf::Arena arena('TEST');
  wire::OptionalBytes value{};
  EXPECT_TRUE(InPlace(coding::kCodingOptionalBytes, &value, arena));
  uint64_t count = 3;
  std::memcpy(static_cast<void*>(&value.v), &count, sizeof(count));
  EXPECT_FALSE(InPlace(coding::kCodingOptionalBytes, &value, arena));
}

// The property the transfer relies on, over random corruptions of a valid object: whenever the
// predicate says "as it is", the generic receive walk accepts the object too.
TEST_F(InPlaceBounded, NeverAcceptsWhatTheWalkRejects) {
  const FidlType walk_only = WalkOnly(coding::kCodingBounded);
  std::mt19937_64 random(20261121);
  static uint8_t outside[16];
  int accepted = 0, rejected = 0;
  for (int round = 0; round < 5000; ++round) {
    auto* bytes = reinterpret_cast<uint8_t*>(value_);
    wire::Bounded saved = *value_;
    switch (random() % 5) {
      case 0: {  // a count
        uint64_t count = random() % 7;
        std::memcpy(bytes + (random() % 2 ? offsetof(wire::Bounded, v) : offsetof(wire::Bounded, s)),
                    &count, 8);
        break;
      }
      case 1: {  // a pointer: on the arena, outside it, or null
        const void* targets[] = {arena_.Allocate(16), outside, nullptr};
        const void* target = targets[random() % 3];
        std::memcpy(bytes + 8 + (random() % 2 ? offsetof(wire::Bounded, v) : offsetof(wire::Bounded, s)),
                    &target, 8);
        break;
      }
      case 2: {  // the bool, the bits and the enum
        const size_t scalars[] = {offsetof(wire::Bounded, on),
                                  offsetof(wire::Bounded, flags) + offsetof(wire::Flags, b),
                                  offsetof(wire::Bounded, flags) + offsetof(wire::Flags, e)};
        bytes[scalars[random() % 3]] = static_cast<uint8_t>(random() % 5);
        break;
      }
      case 3: {  // string bytes, on the arena
        auto* text = static_cast<uint8_t*>(arena_.Allocate(3));
        for (int i = 0; i < 3; ++i) text[i] = static_cast<uint8_t>(random());
        const void* target = text;
        std::memcpy(bytes + offsetof(wire::Bounded, s) + 8, &target, 8);
        break;
      }
      default:
        break;
    }
    bool in_place = InPlace();
    fidl::Status walked = fidl::internal::AcceptTransfer(walk_only, value_, arena_.get(), nullptr, 0);
    if (in_place) {
      EXPECT_TRUE(walked.ok()) << "round " << round << ": " << walked.lossy_description();
      ++accepted;
    } else if (!walked.ok()) {
      ++rejected;
    }
    if (!walked.ok()) *value_ = saved;  // keep mutating from a valid object
  }
  // Both outcomes were exercised.
  EXPECT_GT(accepted, 100);
  EXPECT_GT(rejected, 100);
}

}  // namespace
