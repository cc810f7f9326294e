#include "generators/cpp/cpp_names.h"

#include <cctype>
#include <cstdio>
#include <set>

#include "migrate/idl/raw_ast.h"

namespace fdfkit::generators::cpp {

std::string LibraryNamespace(std::string_view library) {
  std::string out(library);
  for (char& c : out) {
    if (c == '.') c = '_';
  }
  return out;
}

std::string QualifiedNamespace(std::string_view library) {
  return "::" + LibraryNamespace(library);
}

std::string ConstantName(std::string_view name) {
  // Words split at underscores and at lower→upper changes; each capitalised, the rest lower.
  std::string out = "k";
  bool start = true;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '_') {
      start = true;
      continue;
    }
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (i > 0 && upper && std::islower(static_cast<unsigned char>(name[i - 1]))) start = true;
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = false;
  }
  return out;
}

std::string Escape(std::string name) {
  static const std::set<std::string> kReserved = {
      "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char",
      "class", "const", "constexpr", "continue", "default", "delete", "do", "double", "else",
      "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
      "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "nullptr",
      "operator", "or", "private", "protected", "public", "register", "return", "short",
      "signed", "sizeof", "static", "struct", "switch", "template", "this", "throw", "true",
      "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
      "volatile", "while", "xor", "errno", "assert", "Tag", "Which", "Unknown", "IsEmpty",
      "has_invalid_tag", "Builder", "Build", "IsUnknown", "kMask"};
  if (kReserved.count(name)) name += '_';
  return name;
}

std::string DeclName(const flat::Decl& decl) {
  // The built-in `fidl` library (fidl.FrameworkErr) lives in the runtime.
  if (decl.name.library == "fidl") return "::fidl::" + decl.name.name;
  std::string ns = QualifiedNamespace(decl.name.library);
  if (decl.kind == flat::Decl::Kind::kProtocol || decl.kind == flat::Decl::Kind::kService) {
    return ns + "::" + Escape(decl.name.name);
  }
  return ns + "::wire::" + Escape(decl.name.name);
}

std::string CodingName(const flat::Decl& decl) {
  if (decl.name.library == "fidl") return "::fidl::internal::kCoding" + decl.name.name;
  return QualifiedNamespace(decl.name.library) + "::internal::kCoding" + decl.name.name;
}

std::string PrimitiveTypeName(flat::PrimitiveKind kind) {
  using K = flat::PrimitiveKind;
  switch (kind) {
    case K::kBool: return "bool";
    case K::kInt8: return "int8_t";
    case K::kInt16: return "int16_t";
    case K::kInt32: return "int32_t";
    case K::kInt64: return "int64_t";
    case K::kUint8: return "uint8_t";
    case K::kUint16: return "uint16_t";
    case K::kUint32: return "uint32_t";
    case K::kUint64: return "uint64_t";
    case K::kFloat32: return "float";
    case K::kFloat64: return "double";
    case K::kUsize: return "uint64_t";
    case K::kVoidptr: return "uint64_t";
  }
  return "uint8_t";
}

uint64_t RawBits(__int128 value, uint32_t size) {
  auto raw = static_cast<uint64_t>(value);
  return size >= 8 ? raw : raw & ((uint64_t{1} << (size * 8)) - 1);
}

bool IsDriverProtocol(const flat::Decl& protocol) {
  return TransportOf(protocol).find("driver") != std::string::npos;
}

std::string WireTypeName(const flat::Type& type) {
  using K = flat::Type::Kind;
  switch (type.kind) {
    case K::kPrimitive:
      return PrimitiveTypeName(type.primitive);
    case K::kString:
      return "::fidl::StringView";
    case K::kVector:
      return "::fidl::VectorView<" + WireTypeName(*type.element) + ">";
    case K::kArray:
      return "::fidl::Array<" + WireTypeName(*type.element) + ", " +
             std::to_string(type.element_count) + ">";
    case K::kBox:
      return "::fidl::ObjectView<" + WireTypeName(*type.element) + ">";
    case K::kHandle:
      switch (type.handle_object_type) {
        case 3: return "::zx::vmo";
        case 4: return "::zx::channel";
        case 5: return "::zx::event";
        case 9: return "::zx::interrupt";
        default: return "::zx::handle";
      }
    case K::kClientEnd:
    case K::kServerEnd: {
      std::string ns = IsDriverProtocol(*type.decl) ? "::fdf::" : "::fidl::";
      return ns + (type.kind == K::kClientEnd ? "ClientEnd<" : "ServerEnd<") +
             DeclName(*type.decl) + ">";
    }
    case K::kIdentifier: {
      std::string name = DeclName(*type.decl);
      if (type.nullable && type.decl->kind == flat::Decl::Kind::kStruct) {
        return "::fidl::ObjectView<" + name + ">";
      }
      return name;
    }
  }
  return "void";
}

std::string GuardName(std::string_view library, std::string_view suffix) {
  std::string out = "FIDL_";
  for (char c : library) {
    out += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  out += "_";
  out += suffix;
  return out;
}

std::string QuotedString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace fdfkit::generators::cpp
