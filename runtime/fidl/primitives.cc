// Coding tables of the types every library shares.
#include <lib/fidl/cpp/wire/coding_table.h>
#include <lib/fidl/cpp/wire/message_header.h>

namespace fidl::internal {

const FidlType kUint8Type{.kind = FidlKind::kPrimitive, .inline_size = 1, .alignment = 1,
                          .name = "uint8", .plain = true};
const FidlType kUint16Type{.kind = FidlKind::kPrimitive, .inline_size = 2, .alignment = 2,
                           .name = "uint16", .plain = true};
const FidlType kUint32Type{.kind = FidlKind::kPrimitive, .inline_size = 4, .alignment = 4,
                           .name = "uint32", .plain = true};
const FidlType kUint64Type{.kind = FidlKind::kPrimitive, .inline_size = 8, .alignment = 8,
                           .name = "uint64", .plain = true};
const FidlType kBoolType{.kind = FidlKind::kBool, .inline_size = 1, .alignment = 1,
                         .name = "bool"};
// An empty struct is one byte that must be zero: a struct with no fields, all padding.
const FidlType kEmptyStructType{.kind = FidlKind::kStruct, .inline_size = 1, .alignment = 1,
                                .name = "empty struct"};
const FidlType kUnboundedStringType{.kind = FidlKind::kString, .inline_size = 16, .alignment = 8,
                                    .name = "string", .element = &kUint8Type,
                                    .count = kUnbounded};
const FidlType kNullableUnboundedStringType{.kind = FidlKind::kString, .inline_size = 16,
                                            .alignment = 8, .name = "string:optional",
                                            .nullable = true, .element = &kUint8Type,
                                            .count = kUnbounded};
namespace {
constexpr uint64_t kFrameworkErrValues[] = {static_cast<uint32_t>(kFidlFrameworkErrUnknownMethod)};
}  // namespace
const FidlType kCodingFrameworkErr{.kind = FidlKind::kEnum, .inline_size = 4, .alignment = 4,
                                   .name = "fidl.FrameworkErr", .strict = true, .is_signed = true,
                                   .count = 1, .values = kFrameworkErrValues};
const FidlType kFrameworkErrType{.kind = FidlKind::kEnum, .inline_size = 4, .alignment = 4,
                                 .name = "fidl.FrameworkErr", .strict = true, .is_signed = true,
                                 .count = 1, .values = kFrameworkErrValues};

}  // namespace fidl::internal

namespace fidl::internal {
namespace {
constexpr FidlMember kFrameworkErrResultMembers[] = {{&kFrameworkErrType, 3}};
}  // namespace
// The body of a framework-error reply: a flexible result union holding only framework_err.
const FidlType kFrameworkErrResultType{.kind = FidlKind::kUnion, .inline_size = 16,
                                       .alignment = 8, .name = "framework error result",
                                       .count = 1, .members = kFrameworkErrResultMembers};
}  // namespace fidl::internal

namespace fidl::internal {
namespace {
constexpr FidlStructField kEpitaphFields[] = {{&kUint32Type, 0}};
}  // namespace
const FidlType kEpitaphBodyType{.kind = FidlKind::kStruct, .inline_size = 4, .alignment = 4,
                                .name = "epitaph", .plain = true, .count = 1,
                                .fields = kEpitaphFields};
}  // namespace fidl::internal
