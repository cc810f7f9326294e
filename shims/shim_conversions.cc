#include "shims/shim_conversions.h"

#include <algorithm>
#include <set>

#include "generators/cpp/cpp_names.h"
#include "migrate/protocol/member_patterns.h"

namespace fdfkit::shims {
namespace {

using Kind = flat::Type::Kind;
using generators::banjo::CTypeOf;
using generators::banjo::Shape;

bool IsEnumLike(const flat::Type& t) {
  return t.kind == Kind::kIdentifier && t.decl &&
         (t.decl->kind == flat::Decl::Kind::kEnum || t.decl->kind == flat::Decl::Kind::kBits);
}
bool IsStruct(const flat::Type& t) {
  return t.kind == Kind::kIdentifier && t.decl && t.decl->kind == flat::Decl::Kind::kStruct;
}
bool IsTable(const flat::Type& t) {
  return t.kind == Kind::kIdentifier && t.decl && t.decl->kind == flat::Decl::Kind::kTable;
}
bool IsUnion(const flat::Type& t) {
  return t.kind == Kind::kIdentifier && t.decl && t.decl->kind == flat::Decl::Kind::kUnion &&
         !t.nullable;
}
// Structs, tables and unions: what converts member by member (of the same kind).
bool AreAggregates(const flat::Type& a, const flat::Type& b) {
  return (IsStruct(a) && IsStruct(b)) || (IsTable(a) && IsTable(b)) ||
         (IsUnion(a) && IsUnion(b));
}
bool IsAggregate(const flat::Type& t) { return IsStruct(t) || IsTable(t) || IsUnion(t); }
const flat::Type& Unboxed(const flat::Type& t) {
  return t.kind == Kind::kBox && t.element ? *t.element : t;
}
bool IsVoidptr(const flat::Type& t) {
  return t.kind == Kind::kPrimitive && t.primitive == flat::PrimitiveKind::kVoidptr;
}

// The scalar kind a value is stored as (an enum's or bits' underlying type).
flat::PrimitiveKind Representation(const flat::Type& t) {
  if (IsEnumLike(t)) return static_cast<const flat::Enum*>(t.decl)->subtype;
  if (IsVoidptr(t)) return flat::PrimitiveKind::kUint8;  // a buffer of bytes
  return t.primitive;
}

std::string Member(const std::string& name) { return generators::cpp::Escape(name); }

// The loop index for an element of `lvalue`: one per depth of `[...]` already in it, so arrays
// of arrays never shadow an outer index.
std::string IndexFor(const std::string& lvalue) {
  return "k" + std::to_string(std::count(lvalue.begin(), lvalue.end(), '['));
}

}  // namespace

bool IsScalar(const flat::Type& t) { return t.kind == Kind::kPrimitive || IsEnumLike(t); }

std::string WireType(const flat::Type& fidl) { return generators::cpp::WireTypeName(fidl); }

std::optional<std::string> Conversions::CheckElement(const flat::Type& banjo,
                                                     const flat::Type& fidl) {
  if (IsScalar(banjo) && IsScalar(fidl)) return std::nullopt;
  if (banjo.kind == Kind::kHandle && fidl.kind == Kind::kHandle) return std::nullopt;
  // An array of arrays (`float[3][3]` in C): element by element, at every depth.
  if (banjo.kind == Kind::kArray && fidl.kind == Kind::kArray) {
    if (banjo.element_count != fidl.element_count) return std::string("array lengths differ");
    return CheckElement(*banjo.element, *fidl.element);
  }
  const flat::Type& b = Unboxed(banjo);
  if (AreAggregates(b, Unboxed(fidl))) return CheckAggregate(*b.decl, *Unboxed(fidl).decl);
  return std::string("elements of kinds ") + flat::TypeKindName(banjo.kind) + " and " +
         flat::TypeKindName(fidl.kind) + " do not convert";
}

std::optional<std::string> Conversions::Check(const Param& p, const flat::Type& fidl) {
  const flat::Type& banjo = p.member->type;
  switch (p.shape) {
    case Shape::kScalar:
      if (IsScalar(fidl)) return std::nullopt;
      break;
    case Shape::kHandle:
      if (fidl.kind == Kind::kHandle) return std::nullopt;
      break;
    case Shape::kString:
      if (fidl.kind == Kind::kString) return std::nullopt;
      break;
    case Shape::kVector:
      if (fidl.kind != Kind::kVector) break;
      if (IsVoidptr(*banjo.element) && fidl.element->kind == Kind::kPrimitive &&
          fidl.element->primitive == flat::PrimitiveKind::kUint8) {
        return std::nullopt;
      }
      return CheckElement(*banjo.element, *fidl.element);
    case Shape::kArray:
      if (fidl.kind != Kind::kArray || fidl.element_count != banjo.element_count) break;
      return CheckElement(*banjo.element, *fidl.element);
    case Shape::kAggregate:
      if (AreAggregates(banjo, fidl)) return CheckAggregate(*banjo.decl, *fidl.decl);
      break;
    case Shape::kBox:
      if (IsStruct(Unboxed(banjo)) && IsStruct(Unboxed(fidl)) &&
          (fidl.kind == Kind::kBox || fidl.nullable)) {
        return CheckAggregate(*Unboxed(banjo).decl, *Unboxed(fidl).decl);
      }
      break;
    case Shape::kProtocol:
    case Shape::kCallback:
    case Shape::kServerEnd:
      return "'" + p.name + "' passes a protocol; interface parameters are not shimmed";
  }
  return "'" + p.name + "' is " + flat::TypeKindName(banjo.kind) + " in banjo but " +
         flat::TypeKindName(fidl.kind) + " in FIDL";
}

// migrate-protocol's default naming (rules/migrate-protocol.json), parsed once.
const protocol::Naming& DefaultNaming() {
  static const protocol::Naming naming = [] {
    protocol::RulesProblem problem;
    std::optional<protocol::Rules> rules = protocol::LoadRules("", "", &problem);
    return rules ? rules->naming : protocol::Naming{};
  }();
  return naming;
}

std::vector<const flat::StructMember*> Conversions::FieldsOf(const flat::Decl& decl) {
  std::vector<const flat::StructMember*> fields;
  if (decl.kind == flat::Decl::Kind::kStruct) {
    for (const flat::StructMember& m : static_cast<const flat::Struct&>(decl).members) {
      fields.push_back(&m);
    }
    return fields;
  }
  auto& owned = table_fields_[&decl];
  if (owned.empty()) owned = generators::banjo::EnvelopeFieldsOf(decl);
  for (const auto& field : owned) fields.push_back(field.get());
  return fields;
}

std::optional<std::string> Conversions::CheckAggregate(const flat::Decl& banjo,
                                                       const flat::Decl& fidl) {
  auto found = checked_.find(&banjo);
  if (found != checked_.end()) return found->second;
  checked_[&banjo] = std::nullopt;  // a struct that reaches itself through a box
  AggregatePair pair{&banjo, &fidl, FieldsOf(banjo), FieldsOf(fidl), {}, std::nullopt};
  std::optional<std::string> problem;
  if (banjo.kind == flat::Decl::Kind::kUnion) problem = CheckUnion(banjo, &pair);
  if (banjo.kind == flat::Decl::Kind::kStruct) {
    const auto& members = static_cast<const flat::Struct&>(banjo).members;
    for (const protocol::ArrayCountPair& found :
         protocol::FindArrayCountPairs(members, DefaultNaming())) {
      const flat::StructMember* vector = FidlFieldNamed(pair, found.vector_name);
      if (!vector || vector->type.kind != Kind::kVector) continue;  // not what the clone made
      const flat::StructMember& array = members[found.array];
      problem = CheckElement(*array.type.element, *vector->type.element);
      if (problem) break;
      pair.array_counts.push_back({&array, &members[found.count], vector});
    }
  }
  for (const flat::StructMember* member : pair.banjo_fields) {
    if (problem) break;
    if (Paired(pair, member)) continue;
    const flat::StructMember* match = FidlFieldNamed(pair, member->name);
    if (!match) {
      problem = "field '" + member->name + "' of " + banjo.name.name + " has no FIDL counterpart";
    } else {
      problem = Check(generators::banjo::FieldOf(*member, false), match->type);
    }
  }
  checked_[&banjo] = problem;
  if (!problem) aggregates_.push_back(std::move(pair));
  return problem;
}

bool Conversions::HasHandles(const flat::Type& type) const {
  std::set<const flat::Decl*> visiting;
  return HasHandles(type, &visiting);
}

bool Conversions::HasHandles(const flat::Type& type,
                             std::set<const flat::Decl*>* visiting) const {
  if (type.kind == Kind::kHandle) return true;
  if ((type.kind == Kind::kBox || type.kind == Kind::kVector || type.kind == Kind::kArray) &&
      type.element) {
    return HasHandles(*type.element, visiting);
  }
  if (!IsAggregate(type)) return false;
  // A struct that reaches itself through a box holds handles only if its other fields do.
  if (!visiting->insert(type.decl).second) return false;
  for (const AggregatePair& pair : aggregates_) {
    if (pair.banjo != type.decl) continue;
    for (const flat::StructMember* field : pair.banjo_fields) {
      if (HasHandles(field->type, visiting)) return true;
    }
  }
  return false;
}

bool Conversions::RestoresOwnHandles(const flat::Type& type) const {
  if (type.kind == Kind::kHandle || !HasHandles(type)) return true;
  if (type.nullable || !IsAggregate(type)) return false;
  for (const AggregatePair& pair : aggregates_) {
    if (pair.banjo != type.decl) continue;
    for (const flat::StructMember* field : pair.banjo_fields) {
      if (!HasHandles(field->type)) continue;
      // What KeepOwnHandles puts back: handle fields and structs held by value, recursively.
      if (Paired(pair, field) || !RestoresOwnHandles(field->type)) return false;
    }
  }
  return true;
}

std::string Conversions::ElementToWire(const flat::Type& banjo, const flat::Type& fidl,
                                       const std::string& from, Handles handles) const {
  if (banjo.kind == Kind::kHandle) {
    return handles == Handles::kLentField
               ? "::fdfkit::shims::Duplicate<" + WireType(fidl) + ">(" + from + ")"
               : WireType(fidl) + "(" + from + ")";
  }
  if (banjo.kind == Kind::kArray) {
    std::string k = IndexFor(from), a = "a" + k.substr(1);
    return "[&] {\n      " + WireType(fidl) + " " + a + ";\n      for (size_t " + k + " = 0; " +
           k + " < " + std::to_string(banjo.element_count) + "; ++" + k + ") " + a + "[" + k +
           "] = " + ElementToWire(*banjo.element, *fidl.element, from + "[" + k + "]", handles) +
           ";\n      return " + a + ";\n    }()";
  }
  if (IsStruct(Unboxed(banjo)) || IsTable(banjo) || IsUnion(banjo)) {
    std::string value = banjo.kind == Kind::kBox || banjo.nullable ? "*" + from : from;
    std::string convert =
        handles != Handles::kTransfer && HasHandles(Unboxed(banjo)) ? "LendToWire" : "ToWire";
    if (fidl.kind == Kind::kBox || fidl.nullable) {
      return WireType(fidl) + "(arena, " + convert + "(arena, " + value + "))";
    }
    return convert + "(arena, " + value + ")";
  }
  return "static_cast<" + WireType(fidl) + ">(" + from + ")";
}

std::string Conversions::ElementToBanjo(const flat::Type& banjo, const flat::Type& fidl,
                                        const std::string& from, const std::string& to) const {
  if (banjo.kind == Kind::kHandle) return to + " = " + from + ".release();";
  if (banjo.kind == Kind::kArray) {
    std::string k = IndexFor(to);
    return "for (size_t " + k + " = 0; " + k + " < " + std::to_string(banjo.element_count) +
           "; ++" + k + ") { " +
           ElementToBanjo(*banjo.element, *fidl.element, from + "[" + k + "]",
                          to + "[" + k + "]") +
           " }";
  }
  if (IsStruct(Unboxed(banjo)) || IsTable(banjo) || IsUnion(banjo)) {
    std::string value = fidl.kind == Kind::kBox || fidl.nullable ? "*" + from : from;
    if (banjo.kind == Kind::kBox || banjo.nullable) {
      std::string type = CTypeOf(Unboxed(banjo));
      return "if (" + from + ") { auto* element = static_cast<" + type +
             "*>(arena.Allocate(sizeof(" + type + "))); *element = " + type + "{}; ToBanjo(" +
             value + ", element, arena); " + to + " = element; } else { " + to + " = nullptr; }";
    }
    return "ToBanjo(" + value + ", &" + to + ", arena);";
  }
  return to + " = static_cast<" + CTypeOf(banjo) + ">(" + from + ");";
}

std::string Conversions::ToWire(const Param& p, const flat::Type& fidl,
                                const std::vector<std::string>& c, Handles handles) const {
  const flat::Type& banjo = p.member->type;
  std::string wire = WireType(fidl);
  // What an aggregate converts with: lent handles inside are duplicated.
  std::string convert = handles != Handles::kTransfer && HasHandles(Unboxed(banjo))
                            ? "LendToWire"
                            : "ToWire";
  switch (p.shape) {
    case Shape::kScalar:
      // A banjo `voidptr` field travels as the uint64 migrate-protocol made of it.
      if (IsVoidptr(banjo)) return "reinterpret_cast<" + wire + ">(" + c[0] + ")";
      return "static_cast<" + wire + ">(" + c[0] + ")";
    case Shape::kHandle: return ElementToWire(banjo, fidl, c[0], handles);
    case Shape::kString:
      if (banjo.bounded && p.c[0].suffix.size()) {  // a `char x[N]` field
        return "::fidl::StringView::FromExternal(" + c[0] + ", strnlen(" + c[0] + ", " +
               std::to_string(banjo.element_count) + "))";
      }
      return "::fdfkit::shims::StringViewOf(" + c[0] + ")";
    case Shape::kVector: {
      const flat::Type& be = *banjo.element;
      const flat::Type& fe = *fidl.element;
      std::string element = WireType(fe);
      if (!p.inner_pointer && (IsScalar(be) || IsVoidptr(be)) &&
          Representation(be) == Representation(fe)) {
        // Same bytes on both sides: the runtime copies them into the message arena only when
        // they are not already there.
        return "::fidl::VectorView<" + element + ">::FromExternal(const_cast<" + element +
               "*>(reinterpret_cast<const " + element + "*>(" + c[0] + ")), " + c[1] + ")";
      }
      std::string item = p.inner_pointer ? "*" + c[0] + "[i]" : c[0] + "[i]";
      return "[&] {\n      ::fidl::VectorView<" + element + "> v(arena, " + c[1] +
             ");\n      for (size_t i = 0; i < " + c[1] + "; ++i) v[i] = " +
             ElementToWire(be, fe, item, handles) + ";\n      return v;\n    }()";
    }
    case Shape::kArray: return ElementToWire(banjo, fidl, c[0], handles);
    case Shape::kAggregate: return convert + "(arena, " + c[0] + ")";
    case Shape::kBox:
      return "(" + c[0] + " ? " + wire + "(arena, " + convert + "(arena, *" + c[0] + ")) : " +
             wire + "())";
    default: return "{}";
  }
}

std::string Conversions::ToBanjo(const Param& p, const flat::Type& fidl, const std::string& from,
                                 const std::vector<std::string>& to, const std::string& indent,
                                 bool copy) const {
  const flat::Type& banjo = p.member->type;
  switch (p.shape) {
    case Shape::kScalar:
      return indent + to[0] + " = " + (IsVoidptr(banjo) ? "reinterpret_cast<" : "static_cast<") +
             p.value_type + ">(" + from + ");\n";
    case Shape::kHandle: return indent + to[0] + " = " + from + ".release();\n";
    case Shape::kString:
      if (banjo.bounded && p.c[0].suffix.size()) {
        std::string n = std::to_string(banjo.element_count);
        return indent + "{\n" + indent + "  size_t n = std::min<size_t>(" + from + ".size(), " +
               n + " - 1);\n" + indent + "  if (n) memcpy(" + to[0] + ", " + from +
               ".data(), n);\n" + indent + "  " + to[0] + "[n] = '\\0';\n" + indent + "}\n";
      }
      return indent + "{\n" + indent + "  auto* s = static_cast<char*>(arena.Allocate(" + from +
             ".size() + 1));\n" + indent + "  if (" + from + ".size()) memcpy(s, " + from +
             ".data(), " + from + ".size());\n" + indent + "  s[" + from + ".size()] = '\\0';\n" +
             indent + "  " + to[0] + " = s;\n" + indent + "}\n";
    case Shape::kVector: {
      const flat::Type& be = *banjo.element;
      const flat::Type& fe = *fidl.element;
      if (!p.inner_pointer && (IsScalar(be) || IsVoidptr(be)) &&
          Representation(be) == Representation(fe)) {
        std::string element = IsVoidptr(be) ? "void" : p.element_type;
        if (!copy) {
          return indent + to[0] + " = reinterpret_cast<" + element + "*>(" + from +
                 ".data());\n" + indent + to[1] + " = " + from + ".count();\n";
        }
        std::string bytes = from + ".count() * sizeof(" + WireType(fe) + ")";
        return indent + "{\n" + indent + "  void* items = arena.Allocate(" + bytes + ");\n" +
               indent + "  if (" + from + ".count()) memcpy(items, " + from + ".data(), " + bytes +
               ");\n" + indent + "  " + to[0] + " = static_cast<" + element + "*>(items);\n" +
               indent + "  " + to[1] + " = " + from + ".count();\n" + indent + "}\n";
      }
      // An @inner_pointer list holds pointers to its elements (`const T** x_list`).
      std::string element = p.inner_pointer ? "const " + p.element_type + "*" : p.element_type;
      std::string out = indent + "{\n" + indent + "  auto* items = static_cast<" + element +
                        "*>(arena.Allocate(sizeof(" + element + ") * " + from + ".count()));\n" +
                        indent + "  for (size_t i = 0; i < " + from + ".count(); ++i) {\n";
      if (p.inner_pointer) {
        // `const T** x_list`: each element is a pointer to a value on the arena.
        std::string value = CTypeOf(be);
        out += indent + "    auto* value = static_cast<" + value + "*>(arena.Allocate(sizeof(" +
               value + ")));\n" + indent + "    *value = " + value + "{};\n" + indent + "    " +
               ElementToBanjo(be, fe, from + "[i]", "*value") + "\n" + indent +
               "    items[i] = value;\n";
      } else {
        out += indent + "    items[i] = " + element + "{};\n" + indent + "    " +
               ElementToBanjo(be, fe, from + "[i]", "items[i]") + "\n";
      }
      return out + indent + "  }\n" + indent + "  " + to[0] + " = items;\n" + indent + "  " +
             to[1] + " = " + from + ".count();\n" + indent + "}\n";
    }
    case Shape::kArray: return indent + ElementToBanjo(banjo, fidl, from, to[0]) + "\n";
    case Shape::kAggregate: return indent + "ToBanjo(" + from + ", &" + to[0] + ", arena);\n";
    case Shape::kBox:
      return indent + ElementToBanjo(banjo, fidl, from, to[0]) + "\n";
    default: return "";
  }
}

std::string Conversions::ArrayCountToWire(const ArrayCount& pair, Handles handles) const {
  // The count says how many of the array's elements are meant; never more than the array holds.
  std::string n = "std::min<size_t>(c." + pair.count->name + ", " +
                  std::to_string(pair.array->type.element_count) + ")";
  return "  w." + Member(pair.vector->name) + " = [&] {\n    ::fidl::VectorView<" +
         WireType(*pair.vector->type.element) + "> v(arena, " + n +
         ");\n    for (size_t i = 0; i < v.count(); ++i) v[i] = " +
         ElementToWire(*pair.array->type.element, *pair.vector->type.element,
                       "c." + pair.array->name + "[i]", handles) +
         ";\n    return v;\n  }();\n";
}

std::string Conversions::ArrayCountToBanjo(const ArrayCount& pair) const {
  std::string from = "w." + Member(pair.vector->name);
  return "  {\n    size_t n = std::min<size_t>(" + from + ".count(), " +
         std::to_string(pair.array->type.element_count) + ");\n    for (size_t i = 0; i < n; " +
         "++i) {\n      " +
         ElementToBanjo(*pair.array->type.element, *pair.vector->type.element, from + "[i]",
                        "c->" + pair.array->name + "[i]") +
         "\n    }\n    c->" + pair.count->name + " = static_cast<" +
         generators::banjo::CTypeOf(pair.count->type) + ">(n);\n  }\n";
}

std::string Conversions::CloseElement(const flat::Type& type, const std::string& c) const {
  if (!HasHandles(type)) return "";
  switch (type.kind) {
    case Kind::kHandle: return "zx_handle_close(" + c + ");";
    case Kind::kBox: return "if (" + c + ") CloseHandles(*" + c + ");";
    case Kind::kArray: {
      std::string k = IndexFor(c);
      return "for (size_t " + k + " = 0; " + k + " < " + std::to_string(type.element_count) +
             "; ++" + k + ") { " + CloseElement(*type.element, c + "[" + k + "]") + " }";
    }
    default:
      if (type.nullable) return "if (" + c + ") CloseHandles(*" + c + ");";
      return "CloseHandles(" + c + ");";
  }
}

std::string Conversions::CloseLent(const Param& p, const std::vector<std::string>& c,
                                   const std::string& indent) const {
  const flat::Type& banjo = p.member->type;
  switch (p.shape) {
    case Shape::kAggregate:
    case Shape::kBox: {
      std::string close = CloseElement(banjo, c[0]);
      return close.empty() ? "" : indent + close + "\n";
    }
    case Shape::kVector: {
      // A vector of handles moved; the handles inside its structs were lent.
      if (banjo.element->kind == Kind::kHandle) return "";
      std::string item = p.inner_pointer ? "*" + c[0] + "[i]" : c[0] + "[i]";
      std::string close = CloseElement(*banjo.element, item);
      if (close.empty()) return "";
      return indent + "for (size_t i = 0; i < " + c[1] + "; ++i) { " + close + " }\n";
    }
    default: return "";
  }
}

std::string Conversions::CloseMoved(const Param& p, const std::vector<std::string>& c,
                                    const std::string& indent) {
  if (p.shape == Shape::kHandle) return indent + "zx_handle_close(" + c[0] + ");\n";
  if (p.shape == Shape::kVector && p.member->type.element->kind == Kind::kHandle) {
    return indent + "for (size_t i = 0; i < " + c[1] + "; ++i) zx_handle_close(" + c[0] +
           "[i]);\n";
  }
  return "";
}

std::string Conversions::StructConverters() const {
  // Declared first: a struct may reach another declared later through a box.
  std::string out;
  for (const AggregatePair& pair : aggregates_) {
    std::string wire = generators::cpp::DeclName(*pair.fidl);
    std::string c = generators::banjo::CTypeName(*pair.banjo);
    out += "inline " + wire + " ToWire(::fdf::Arena& arena, const " + c + "& c);\n" +
           "inline void ToBanjo(" + wire + "& w, " + c + "* c, ::fdf::Arena& arena);\n";
    if (HoldsHandles(pair)) {
      out += "inline " + wire + " LendToWire(::fdf::Arena& arena, const " + c + "& c);\n" +
             "inline void CloseHandles(const " + c + "& c);\n" + "inline void KeepOwnHandles(const " +
             c + "& own, " + c + "* c);\n";
    }
  }
  out += aggregates_.empty() ? "" : "\n";
  for (const AggregatePair& pair : aggregates_) {
    if (pair.rule) {
      out += UnionConverters(pair);
      continue;
    }
    out += ToWireConverter(pair, Handles::kTransfer);
    if (HoldsHandles(pair)) {
      out += ToWireConverter(pair, Handles::kLentField) + CloseHandles(pair) +
             KeepOwnHandles(pair);
    }
    out += ToBanjoConverter(pair);
  }
  return out;
}

bool Conversions::HoldsHandles(const AggregatePair& pair) const {
  for (const flat::StructMember* field : pair.banjo_fields) {
    if (HasHandles(field->type)) return true;
  }
  return false;
}

const flat::StructMember* Conversions::FidlFieldNamed(const AggregatePair& pair,
                                                      const std::string& name) {
  for (const flat::StructMember* candidate : pair.fidl_fields) {
    if (candidate->name == name) return candidate;
  }
  return nullptr;
}

bool Conversions::Paired(const AggregatePair& pair, const flat::StructMember* member) {
  for (const ArrayCount& array_count : pair.array_counts) {
    if (member == array_count.array || member == array_count.count) return true;
  }
  return false;
}

// `ToWire` (handles move) or, with lent handles, `LendToWire` (they are duplicated).
std::string Conversions::ToWireConverter(const AggregatePair& pair, Handles handles) const {
  bool table = pair.banjo->kind == flat::Decl::Kind::kTable;
  std::string wire = generators::cpp::DeclName(*pair.fidl);
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  std::string name = handles == Handles::kTransfer ? "ToWire" : "LendToWire";
  // A table: banjo's struct has every field, so each is set.
  std::string out = "inline " + wire + " " + name + "([[maybe_unused]] ::fdf::Arena& arena, const " +
                    c + "& c) {\n  " +
                    (table ? "auto w = " + wire + "::Builder(arena);\n" : wire + " w{};\n");
  for (const ArrayCount& array_count : pair.array_counts) {
    out += ArrayCountToWire(array_count, handles);
  }
  for (const flat::StructMember* member : pair.banjo_fields) {
    if (Paired(pair, member)) continue;
    const flat::StructMember* fidl = FidlFieldNamed(pair, member->name);
    Param field = generators::banjo::FieldOf(*member, false);
    std::vector<std::string> from;
    for (const auto& d : field.c) from.push_back("c." + d.name);
    std::string value = ToWire(field, fidl->type, from, handles);
    if (table && field.shape == Shape::kHandle) {
      // No handle is an absent field: a table's handle fields are not nullable.
      out += "  if (" + from[0] + " != ZX_HANDLE_INVALID) w." + Member(fidl->name) + "(" +
             value + ");\n";
    } else {
      out += table ? "  w." + Member(fidl->name) + "(" + value + ");\n"
                   : "  w." + Member(fidl->name) + " = " + value + ";\n";
    }
  }
  return out + "  return w" + (table ? ".Build()" : "") + ";\n}\n\n";
}

std::string Conversions::ToBanjoConverter(const AggregatePair& pair) const {
  bool table = pair.banjo->kind == flat::Decl::Kind::kTable;
  std::string wire = generators::cpp::DeclName(*pair.fidl);
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  // A table's fields the server left out read as zero.
  std::string out = "inline void ToBanjo([[maybe_unused]] " + wire + "& w, " + c +
                    "* c, [[maybe_unused]] ::fdf::Arena& arena) {\n" +
                    (table ? "  *c = " + c + "{};\n" : "");
  for (const ArrayCount& array_count : pair.array_counts) out += ArrayCountToBanjo(array_count);
  for (const flat::StructMember* member : pair.banjo_fields) {
    if (Paired(pair, member)) continue;
    const flat::StructMember* fidl = FidlFieldNamed(pair, member->name);
    Param field = generators::banjo::FieldOf(*member, false);
    std::vector<std::string> to;
    for (const auto& d : field.c) to.push_back("c->" + d.name);
    std::string name = Member(fidl->name);
    if (table) {
      out += "  if (w.has_" + fidl->name + "()) {\n" +
             ToBanjo(field, fidl->type, "w." + name + "()", to, "    ") + "  }\n";
    } else {
      out += ToBanjo(field, fidl->type, "w." + name, to, "  ");
    }
  }
  return out + "}\n\n";
}

// Puts the caller's own handles back into a struct written back in place (the reply carried
// duplicates, closed before): its handle fields and those of the structs it holds by value.
std::string Conversions::KeepOwnHandles(const AggregatePair& pair) const {
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  std::string out = "inline void KeepOwnHandles([[maybe_unused]] const " + c + "& own, " + c +
                    "* c) {\n";
  for (const flat::StructMember* member : pair.banjo_fields) {
    if (Paired(pair, member)) continue;
    std::string name = generators::banjo::FieldOf(*member, false).c[0].name;
    if (member->type.kind == Kind::kHandle) {
      out += "  c->" + name + " = own." + name + ";\n";
    } else if (IsAggregate(member->type) && !member->type.nullable &&
               HasHandles(member->type)) {
      out += "  KeepOwnHandles(own." + name + ", &c->" + name + ");\n";
    }
  }
  return out + "}\n\n";
}

// Closes every handle a banjo struct holds (what a lent struct's borrower must not keep).
std::string Conversions::CloseHandles(const AggregatePair& pair) const {
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  std::string out = "inline void CloseHandles(const " + c + "& c) {\n";
  for (const ArrayCount& array_count : pair.array_counts) {
    std::string close = CloseElement(*array_count.array->type.element,
                                     "c." + array_count.array->name + "[i]");
    if (close.empty()) continue;
    out += "  for (size_t i = 0; i < std::min<size_t>(c." + array_count.count->name + ", " +
           std::to_string(array_count.array->type.element_count) + "); ++i) { " + close +
           " }\n";
  }
  for (const flat::StructMember* member : pair.banjo_fields) {
    if (Paired(pair, member)) continue;
    Param field = generators::banjo::FieldOf(*member, false);
    std::vector<std::string> lvalues;
    for (const auto& d : field.c) lvalues.push_back("c." + d.name);
    if (field.shape == Shape::kHandle) {
      out += "  zx_handle_close(" + lvalues[0] + ");\n";
    } else if (field.shape == Shape::kVector && member->type.element->kind == Kind::kHandle) {
      out += "  for (size_t i = 0; i < " + lvalues[1] + "; ++i) zx_handle_close(" + lvalues[0] +
             "[i]);\n";
    } else if (field.shape == Shape::kArray) {
      std::string close = CloseElement(member->type, lvalues[0]);
      if (!close.empty()) out += "  " + close + "\n";
    } else {
      out += CloseLent(field, lvalues, "  ");
    }
  }
  return out + "}\n\n";
}

}  // namespace fdfkit::shims
