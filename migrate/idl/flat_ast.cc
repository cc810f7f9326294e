#include "migrate/idl/flat_ast.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/SHA256.h>

#include <cctype>
#include <charconv>

namespace fdfkit::idl::flat {
namespace {

struct PrimitiveInfo {
  PrimitiveKind kind;
  const char* name;
  uint32_t size;
  bool integer;
  bool is_signed;
};

constexpr PrimitiveInfo kPrimitives[] = {
    {PrimitiveKind::kBool, "bool", 1, false, false},
    {PrimitiveKind::kInt8, "int8", 1, true, true},
    {PrimitiveKind::kInt16, "int16", 2, true, true},
    {PrimitiveKind::kInt32, "int32", 4, true, true},
    {PrimitiveKind::kInt64, "int64", 8, true, true},
    {PrimitiveKind::kUint8, "uint8", 1, true, false},
    {PrimitiveKind::kUint16, "uint16", 2, true, false},
    {PrimitiveKind::kUint32, "uint32", 4, true, false},
    {PrimitiveKind::kUint64, "uint64", 8, true, false},
    {PrimitiveKind::kFloat32, "float32", 4, false, true},
    {PrimitiveKind::kFloat64, "float64", 8, false, true},
    {PrimitiveKind::kUsize, "usize", 8, true, false},
    {PrimitiveKind::kVoidptr, "voidptr", 8, false, false},
};

const PrimitiveInfo& Info(PrimitiveKind kind) { return kPrimitives[static_cast<int>(kind)]; }

}  // namespace

std::optional<PrimitiveKind> PrimitiveFromName(std::string_view name) {
  for (const auto& info : kPrimitives) {
    if (name == info.name) return info.kind;
  }
  if (name == "byte") return PrimitiveKind::kUint8;  // old FIDL spelling
  return std::nullopt;
}
const char* PrimitiveName(PrimitiveKind kind) { return Info(kind).name; }
uint32_t PrimitiveSize(PrimitiveKind kind) { return Info(kind).size; }
bool IsInteger(PrimitiveKind kind) { return Info(kind).integer; }
bool IsSigned(PrimitiveKind kind) { return Info(kind).is_signed; }

__int128 PrimitiveMin(PrimitiveKind kind) {
  if (!IsSigned(kind) || !IsInteger(kind)) return 0;
  return -(static_cast<__int128>(1) << (PrimitiveSize(kind) * 8 - 1));
}
__int128 PrimitiveMax(PrimitiveKind kind) {
  if (kind == PrimitiveKind::kBool) return 1;
  int bits = static_cast<int>(PrimitiveSize(kind) * 8) - (IsSigned(kind) ? 1 : 0);
  return (static_cast<__int128>(1) << bits) - 1;
}

const char* TypeKindName(Type::Kind kind) {
  switch (kind) {
    case Type::Kind::kPrimitive: return "primitive";
    case Type::Kind::kString: return "string";
    case Type::Kind::kVector: return "vector";
    case Type::Kind::kArray: return "array";
    case Type::Kind::kBox: return "box";
    case Type::Kind::kHandle: return "handle";
    case Type::Kind::kClientEnd: return "client_end";
    case Type::Kind::kServerEnd: return "server_end";
    case Type::Kind::kIdentifier: return "identifier";
  }
  return "?";
}

const char* DeclKindName(Decl::Kind kind) {
  switch (kind) {
    case Decl::Kind::kConst: return "const";
    case Decl::Kind::kAlias: return "alias";
    case Decl::Kind::kStruct: return "struct";
    case Decl::Kind::kUnion: return "union";
    case Decl::Kind::kTable: return "table";
    case Decl::Kind::kEnum: return "enum";
    case Decl::Kind::kBits: return "bits";
    case Decl::Kind::kProtocol: return "protocol";
    case Decl::Kind::kService: return "service";
    case Decl::Kind::kResource: return "resource";
  }
  return "?";
}

bool* ResourceFlag(Decl* decl) {
  switch (decl->kind) {
    case Decl::Kind::kStruct: return &static_cast<Struct*>(decl)->resource;
    case Decl::Kind::kUnion: return &static_cast<Union*>(decl)->resource;
    case Decl::Kind::kTable: return &static_cast<Table*>(decl)->resource;
    default: return nullptr;
  }
}

bool IsResource(const Decl& decl) {
  const bool* flag = ResourceFlag(const_cast<Decl*>(&decl));
  return flag && *flag;
}

const char* OpennessName(Protocol::Openness openness) {
  switch (openness) {
    case Protocol::Openness::kClosed: return "closed";
    case Protocol::Openness::kAjar: return "ajar";
    case Protocol::Openness::kOpen: return "open";
  }
  return "?";
}

std::string ConstantValue::ToString() const {
  switch (kind) {
    case Kind::kInteger: {
      bool negative = integer < 0;
      unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(integer)
                                             : static_cast<unsigned __int128>(integer);
      std::string digits;
      do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
      } while (magnitude != 0);
      return negative ? "-" + digits : digits;
    }
    case Kind::kFloat: {
      char buffer[64];
      auto result = std::to_chars(buffer, buffer + sizeof(buffer), floating);
      return std::string(buffer, result.ptr);
    }
    case Kind::kBool: return boolean ? "true" : "false";
    case Kind::kString: return string;
  }
  return "";
}

const Decl* Library::Lookup(const std::string& decl_name) const {
  auto it = by_name.find(decl_name);
  return it == by_name.end() ? nullptr : it->second;
}

uint64_t MethodOrdinal(std::string_view selector) {
  llvm::SHA256 hash;
  hash.update(llvm::StringRef(selector.data(), selector.size()));
  auto digest = hash.final();
  uint64_t ordinal = 0;
  for (int i = 7; i >= 0; --i) ordinal = (ordinal << 8) | static_cast<uint8_t>(digest[i]);
  return ordinal & 0x7fffffffffffffffull;
}

std::string UpperCamel(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

uint64_t MaxMessageSize(const std::optional<TypeShape>& body) {
  if (!body) return kTransactionalHeaderSize;
  if (body->max_out_of_line == TypeShape::kUnbounded) return UINT64_MAX;
  uint64_t inline_part = (static_cast<uint64_t>(body->inline_size) + 7) & ~uint64_t{7};
  return kTransactionalHeaderSize + inline_part + body->max_out_of_line;
}

}  // namespace fdfkit::idl::flat
