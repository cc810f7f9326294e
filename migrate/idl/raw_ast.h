// The raw AST: what a file says, in one dialect-neutral shape. Legacy spellings are normalised by
// the parser (`handle<vmo>` → `zx.Handle:VMO`, `T?` → `:optional`, `array<T>:N` → `array<T, N>`,
// `request<P>` → `server_end:P`, type-before-name members, bracket attributes) and the dialect is
// recorded, so later stages never care how a construct was written.
#ifndef FDFKIT_MIGRATE_IDL_RAW_AST_H_
#define FDFKIT_MIGRATE_IDL_RAW_AST_H_

#include <llvm/Support/SMLoc.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fdfkit::idl::raw {

enum class Dialect { kBanjoV1, kBanjoV2, kLegacyFidl, kFidl, kModernFidl };
const char* DialectName(Dialect dialect);

// The plain comments around a node (`//` and `/* */`; doc comments are attributes). The formatter
// writes them back where they were; migrate-protocol carries them into the clones.
struct Comments {
  std::vector<std::string> leading;  // lines above the node, as written; "" stands for a blank line
  std::string trailing;              // after the node, on its last line
  bool empty() const { return leading.empty() && trailing.empty(); }
};

struct Constant {
  enum class Kind { kNumber, kString, kBool, kIdentifier, kOr };
  Kind kind = Kind::kNumber;
  std::string text;                // number/identifier as written; string without quotes, unescaped
  std::vector<Constant> operands;  // kOr
  llvm::SMLoc loc;
};

struct AttributeArg {
  std::string name;  // empty for the single positional argument
  Constant value;
};

struct Attribute {
  std::string name;  // as written (`BanjoLayout`, `banjo_layout`, `doc` for `///`)
  std::vector<AttributeArg> args;
  llvm::SMLoc loc;
};

struct AttributeList {
  std::vector<Attribute> items;
  bool empty() const { return items.empty(); }
  // Case- and underscore-insensitive lookup (`BanjoLayout` == `banjo_layout`).
  const Attribute* Find(std::string_view name) const;
};

// snake_case form used to compare attribute names: `BanjoLayout` → `banjo_layout`.
std::string CanonicalAttributeName(std::string_view name);

struct Layout;

struct TypeConstructor {
  std::string name;  // dotted, e.g. `vector`, `zx.Handle`, `fuchsia.hardware.gpio.GpioFlags`
  llvm::SMLoc loc;
  std::vector<TypeConstructor> type_args;  // vector<T>, array<T, N> (T), box<T>
  std::optional<Constant> size_arg;        // array<T, N>: N
  std::vector<Constant> constraints;       // :N, :VMO, :optional, :<...>
  std::shared_ptr<Layout> layout;          // inline layout (name empty)
  bool IsOptional() const;
};

struct LayoutMember {
  Comments comments;
  AttributeList attrs;
  std::optional<Constant> ordinal;  // tables, unions
  bool reserved = false;
  std::string name;
  llvm::SMLoc loc;
  std::optional<TypeConstructor> type;  // absent for enum/bits members
  std::optional<Constant> value;        // enum/bits value, struct default
};

struct Layout {
  enum class Kind { kStruct, kUnion, kTable, kEnum, kBits };
  Kind kind = Kind::kStruct;
  AttributeList attrs;
  std::vector<std::string> modifiers;  // strict, flexible, resource
  std::optional<TypeConstructor> subtype;
  std::vector<LayoutMember> members;
  llvm::SMLoc loc;
  bool has_ordinals = false;  // union/table members carried `N:` (banjo v1 unions do not)
  std::vector<std::string> closing;  // comments after the last member, before `}`
};
const char* LayoutKindName(Layout::Kind kind);

struct Method {
  Comments comments;
  AttributeList attrs;
  std::vector<std::string> modifiers;  // strict, flexible
  std::string name;
  llvm::SMLoc loc;
  bool is_event = false;
  bool has_request = false;   // `Name(...)` (events: false)
  std::optional<TypeConstructor> request;   // absent for `()`
  bool has_response = false;  // `-> (...)` or an event
  std::optional<TypeConstructor> response;  // absent for `()`
  std::optional<TypeConstructor> error;
};

struct Compose {
  Comments comments;
  AttributeList attrs;
  std::string name;
  llvm::SMLoc loc;
};

struct Decl {
  enum class Kind { kConst, kAlias, kType, kProtocol, kService, kResource };
  Kind kind = Kind::kType;
  Comments comments;
  AttributeList attrs;
  std::string name;
  llvm::SMLoc loc;
  std::optional<TypeConstructor> type;  // const type, alias target, type layout (inline)
  std::optional<Constant> value;        // const
  std::vector<std::string> modifiers;   // protocol: open/ajar/closed
  std::vector<Method> methods;
  std::vector<Compose> composes;
  std::vector<LayoutMember> members;  // service members
  std::vector<std::string> closing;   // protocols and services: comments before `}`
};

struct Using {
  Comments comments;
  std::string library;
  std::string alias;
  llvm::SMLoc loc;
};

struct File {
  std::string path;
  Dialect dialect = Dialect::kFidl;
  bool deprecated_syntax = false;
  Comments library_comments;  // leading: the file's header (copyright, ...); trailing: on its line
  AttributeList library_attrs;
  std::string library;
  llvm::SMLoc library_loc;
  std::vector<Using> usings;
  std::vector<Decl> decls;
  std::vector<std::string> end_comments;  // after the last declaration
};

}  // namespace fdfkit::idl::raw

#endif  // FDFKIT_MIGRATE_IDL_RAW_AST_H_
