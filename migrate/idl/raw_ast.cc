#include "migrate/idl/raw_ast.h"

#include <cctype>

namespace fdfkit::idl::raw {

const char* DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kBanjoV1: return "banjo-v1";
    case Dialect::kBanjoV2: return "banjo-v2";
    case Dialect::kLegacyFidl: return "fidl-legacy";
    case Dialect::kFidl: return "fidl";
    case Dialect::kModernFidl: return "fidl-modern";
  }
  return "?";
}

const char* LayoutKindName(Layout::Kind kind) {
  switch (kind) {
    case Layout::Kind::kStruct: return "struct";
    case Layout::Kind::kUnion: return "union";
    case Layout::Kind::kTable: return "table";
    case Layout::Kind::kEnum: return "enum";
    case Layout::Kind::kBits: return "bits";
  }
  return "?";
}

std::string CanonicalAttributeName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      // A word starts at an upper-case letter after a lower-case one, or at the last capital of
      // an acronym ("PreserveCNames" → preserve_c_names, as fidlgen_banjo reads it).
      bool after_upper = i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1]));
      bool before_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (i > 0 && name[i - 1] != '_' && (!after_upper || before_lower)) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

const Attribute* AttributeList::Find(std::string_view name) const {
  std::string wanted = CanonicalAttributeName(name);
  for (const Attribute& a : items) {
    if (CanonicalAttributeName(a.name) == wanted) return &a;
  }
  return nullptr;
}

bool TypeConstructor::IsOptional() const {
  for (const Constant& c : constraints) {
    if (c.kind == Constant::Kind::kIdentifier && c.text == "optional") return true;
  }
  return false;
}

}  // namespace fdfkit::idl::raw
