// The resolved model: what a library means. Every name points at its declaration, every type is
// a closed description (constraints applied, aliases expanded, `S?` turned into `box<S>`, a bare
// protocol into `client_end:P`), constants have values, inline layouts are declarations with
// generated names, and every type carries its FIDL wire format v2 shape. Generators and the
// migration tools read this, never the raw AST.
#ifndef FDFKIT_MIGRATE_IDL_FLAT_AST_H_
#define FDFKIT_MIGRATE_IDL_FLAT_AST_H_

#include <cstdint>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl::flat {

// Wire format v2 shape. Unbounded sizes and depths saturate at kUnbounded.
struct TypeShape {
  static constexpr uint32_t kUnbounded = UINT32_MAX;
  uint32_t inline_size = 0;
  uint32_t alignment = 1;
  uint32_t depth = 0;
  uint32_t max_handles = 0;
  uint32_t max_out_of_line = 0;
  bool has_padding = false;
  bool has_flexible_envelope = false;
};

// `usize` and `voidptr` are banjo's pointer-sized types: 8 bytes here, never valid on a wire.
enum class PrimitiveKind {
  kBool, kInt8, kInt16, kInt32, kInt64, kUint8, kUint16, kUint32, kUint64, kFloat32, kFloat64,
  kUsize, kVoidptr,
};
std::optional<PrimitiveKind> PrimitiveFromName(std::string_view name);
const char* PrimitiveName(PrimitiveKind kind);
uint32_t PrimitiveSize(PrimitiveKind kind);
bool IsInteger(PrimitiveKind kind);
bool IsSigned(PrimitiveKind kind);
// Inclusive range of an integer kind, widened so both int64 and uint64 fit.
__int128 PrimitiveMin(PrimitiveKind kind);
__int128 PrimitiveMax(PrimitiveKind kind);

struct Decl;

// How a constant was written, its names resolved: what a tool that writes FIDL back spells
// (`I2C_IMPL_MAX_RW_OPS`, `0x2`, `zx.Rights.READ | zx.Rights.WRITE`) instead of the bare value.
struct ConstantExpr {
  enum class Kind { kLiteral, kString, kReference, kOr };
  Kind kind = Kind::kLiteral;
  std::string text;            // kLiteral: as written (`0x2`, `true`); kString: the unescaped text
  const Decl* decl = nullptr;  // kReference: a const, or the enum or bits that holds `member`
  std::string member;
  std::vector<ConstantExpr> operands;  // kOr
};

struct Type {
  enum class Kind {
    kPrimitive, kString, kVector, kArray, kBox, kHandle, kClientEnd, kServerEnd, kIdentifier,
  };
  Kind kind = Kind::kPrimitive;
  PrimitiveKind primitive = PrimitiveKind::kUint8;
  std::shared_ptr<Type> element;  // vector, array, box
  uint32_t element_count = 0;           // array length; vector/string bound when `bounded`
  bool bounded = false;
  bool nullable = false;
  // kIdentifier: struct/union/table/enum/bits; ends: the protocol; kHandle: the resource.
  const Decl* decl = nullptr;
  std::string handle_subtype;        // ObjType member name; empty = any
  uint32_t handle_object_type = 0;   // zx_obj_type_t
  std::optional<uint32_t> handle_rights;  // absent = same rights
  // As written: the array length or vector/string bound (absent for MAX), and the handle rights.
  std::shared_ptr<const ConstantExpr> size_expr;
  std::shared_ptr<const ConstantExpr> rights_expr;
  // The alias the type was named through (`zx.Status` for an int32), so tools that write FIDL
  // back keep the name; nullptr when it was spelled directly.
  const Decl* alias = nullptr;
  TypeShape shape;
};
const char* TypeKindName(Type::Kind kind);

// A resolved constant. Integers keep full 65-bit range so int64 and uint64 both fit.
struct ConstantValue {
  enum class Kind { kInteger, kFloat, kBool, kString };
  Kind kind = Kind::kInteger;
  __int128 integer = 0;
  double floating = 0;
  bool boolean = false;
  std::string string;
  std::string ToString() const;  // decimal integer, shortest float, true/false, raw string
};

struct Name {
  std::string library;
  std::string name;
  std::string Full() const { return library + "/" + name; }  // fidlc's `lib.name/Decl`
};

struct Decl {
  enum class Kind { kConst, kAlias, kStruct, kUnion, kTable, kEnum, kBits, kProtocol, kService, kResource };
  explicit Decl(Kind k) : kind(k) {}
  virtual ~Decl() = default;
  Kind kind;
  Name name;
  llvm::SMLoc loc;
  raw::Comments comments;
  raw::AttributeList attrs;
  std::vector<std::string> closing;  // comments before a layout's, protocol's or service's `}`
  bool anonymous = false;  // an inline layout or a synthesized payload
  const raw::Layout* raw_layout = nullptr;  // the source of a layout (the formatter marks it)
};
const char* DeclKindName(Decl::Kind kind);

// The `resource` flag of a struct, union or table; nullptr for other declarations.
bool* ResourceFlag(Decl* decl);
bool IsResource(const Decl& decl);

struct Member {
  std::string name;
  llvm::SMLoc loc;
  raw::Comments comments;
  raw::AttributeList attrs;
};

struct StructMember : Member {
  Type type;
  std::optional<ConstantValue> default_value;
  std::optional<ConstantExpr> default_expr;
  uint32_t offset = 0;
  uint32_t padding = 0;  // bytes after this member up to the next one (or the end)
};

struct Struct : Decl {
  Struct() : Decl(Kind::kStruct) {}
  bool resource = false;
  std::vector<StructMember> members;
  TypeShape shape;
};

struct EnvelopeMember : Member {  // union and table members
  uint64_t ordinal = 0;
  std::optional<Type> type;  // absent: reserved
};

struct Union : Decl {
  Union() : Decl(Kind::kUnion) {}
  bool strict = true;
  bool resource = false;
  bool is_result = false;  // synthesized for `error` or flexible two-way methods
  std::vector<EnvelopeMember> members;
  TypeShape shape;
};

struct Table : Decl {
  Table() : Decl(Kind::kTable) {}
  bool resource = false;
  std::vector<EnvelopeMember> members;
  TypeShape shape;
};

struct ValueMember : Member {  // enum and bits members
  ConstantValue value;
  std::optional<ConstantExpr> value_expr;
};

struct Enum : Decl {  // also bits
  explicit Enum(Kind k) : Decl(k) {}
  PrimitiveKind subtype = PrimitiveKind::kUint32;
  bool strict = true;
  std::vector<ValueMember> members;
  uint64_t mask = 0;  // bits: OR of the members
  // Enum members that repeat an earlier member's value (banjo allowed these aliases): name → the
  // member it repeats. Modern FIDL output writes them as constants.
  std::map<std::string, std::string> aliases;
  TypeShape shape;
};

struct Const : Decl {
  Const() : Decl(Kind::kConst) {}
  Type type;
  ConstantValue value;
  std::string expression;  // as written, for the IR
  std::optional<ConstantExpr> value_expr;
};

struct Alias : Decl {
  Alias() : Decl(Kind::kAlias) {}
  Type target;
};

struct Resource : Decl {  // zx.Handle
  Resource() : Decl(Kind::kResource) {}
};

struct Protocol;

struct Method : Member {
  bool strict = true;
  bool is_event = false;
  uint64_t ordinal = 0;
  std::string selector;  // `library/Protocol.Method`
  const Protocol* declared_in = nullptr;
  bool has_request = false;
  std::optional<Type> request;  // payload (struct, table or union); absent for `()`
  bool has_response = false;
  std::optional<Type> response;  // the body: payload, or the result union
  std::optional<Type> success;   // result methods: the success payload struct
  std::optional<Type> error;
  // Body shapes (absent for `()`); each message adds the 16-byte transactional header.
  std::optional<TypeShape> request_shape() const {
    return request ? std::optional<TypeShape>(request->shape) : std::nullopt;
  }
  std::optional<TypeShape> response_shape() const {
    return response ? std::optional<TypeShape>(response->shape) : std::nullopt;
  }
  bool has_result_union() const { return success.has_value(); }
};

struct Protocol : Decl {
  Protocol() : Decl(Kind::kProtocol) {}
  enum class Openness { kClosed, kAjar, kOpen } openness = Openness::kClosed;
  std::vector<const Protocol*> composed;
  std::vector<Method> methods;               // declared here
  std::vector<const Method*> all_methods;    // declared + composed, in order
};
const char* OpennessName(Protocol::Openness openness);

struct ServiceMember : Member {
  Type type;  // client_end:P
};

struct Service : Decl {
  Service() : Decl(Kind::kService) {}
  std::vector<ServiceMember> members;
};

struct Library {
  std::string name;
  raw::Comments header;  // the first file's comments around its `library` line (copyright, ...)
  // The other files' headers, by file, and every file's comments after its last declaration: a
  // clone of the whole library keeps them all.
  std::map<std::string, raw::Comments> file_headers;
  std::vector<std::string> end_comments;
  raw::AttributeList attrs;
  std::vector<std::string> files;
  raw::Dialect dialect = raw::Dialect::kFidl;  // of the first file
  std::vector<const Library*> dependencies;
  std::vector<std::unique_ptr<Decl>> decls;  // source order; anonymous ones after their owner
  std::unordered_map<std::string, Decl*> by_name;
  // Dependencies before users (what a generator emits in order).
  std::vector<const Decl*> declaration_order;
  const Decl* Lookup(const std::string& name) const;
};

// How deep declarations may depend on each other through definitions the resolver or the layout
// must finish first (const → const, alias → alias, struct member → struct). Real libraries stay
// in single digits; the limit turns an adversarial chain into a diagnostic instead of a stack
// overflow.
constexpr int kMaxDeclarationDepth = 128;

// Counts one level of a recursion for as long as it lives.
class DepthScope {
 public:
  explicit DepthScope(int* depth) : depth_(depth) { ++*depth_; }
  ~DepthScope() { --*depth_; }
  DepthScope(const DepthScope&) = delete;
  DepthScope& operator=(const DepthScope&) = delete;

 private:
  int* depth_;
};

// A method's ordinal: the first 8 bytes of SHA-256 of its selector (`library/Protocol.Method`),
// little-endian, top bit clear.
uint64_t MethodOrdinal(std::string_view selector);

// "my_member" → "MyMember": generated names of inline layouts and payloads.
std::string UpperCamel(std::string_view name);

// The largest a method message can be: header, the body's inline part padded to 8, and its
// out-of-line maximum; UINT64_MAX when unbounded.
constexpr uint32_t kTransactionalHeaderSize = 16;
uint64_t MaxMessageSize(const std::optional<TypeShape>& body);

}  // namespace fdfkit::idl::flat

#endif  // FDFKIT_MIGRATE_IDL_FLAT_AST_H_
