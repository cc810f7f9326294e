#include "migrate/protocol/member_patterns.h"

#include <algorithm>
#include <cctype>

namespace fdfkit::protocol {
namespace {

namespace flat = fdfkit::idl::flat;

bool IsInteger(const flat::Type& t) {
  return t.kind == flat::Type::Kind::kPrimitive && (flat::IsInteger(t.primitive) ||
                                                    t.primitive == flat::PrimitiveKind::kUsize);
}

// `name` with one of `suffixes` removed, or nullopt.
std::optional<std::string> StripSuffix(const std::string& name,
                                       const std::vector<std::string>& suffixes) {
  for (const std::string& s : suffixes) {
    if (name.size() > s.size() && name.ends_with(s)) return name.substr(0, name.size() - s.size());
  }
  return std::nullopt;
}

std::optional<size_t> FindMember(const std::vector<flat::StructMember>& m, const std::string& name) {
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].name == name) return i;
  }
  return std::nullopt;
}

// The member counting `base`: `<base><count suffix>`, an integer.
std::optional<size_t> CountOf(const std::vector<flat::StructMember>& m, const std::string& base,
                              const Naming& naming) {
  for (const std::string& suffix : naming.count_suffixes) {
    std::optional<size_t> i = FindMember(m, base + suffix);
    if (i && IsInteger(m[*i].type)) return i;
  }
  return std::nullopt;
}

bool NameIn(const std::string& name, const std::vector<std::string>& names,
            const std::string& prefix) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return name == n || name == prefix + "_" + n || name.ends_with("_" + n);
  });
}

}  // namespace

std::vector<ArrayCountPair> FindArrayCountPairs(const std::vector<flat::StructMember>& m,
                                                const Naming& naming) {
  std::vector<ArrayCountPair> out;
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].type.kind != flat::Type::Kind::kArray) continue;
    std::string base = StripSuffix(m[i].name, naming.list_suffixes).value_or(m[i].name);
    std::optional<size_t> count = CountOf(m, base, naming);
    if (count) out.push_back({i, *count, base});
  }
  return out;
}

std::vector<HandleRange> FindHandleRanges(const std::vector<flat::StructMember>& m,
                                          const Naming& naming) {
  // The handle, and an integer offset and size anywhere beside it (banjo structs list them in any
  // order, sometimes with other fields between).
  std::vector<HandleRange> out;
  auto find = [&](const std::vector<std::string>& names, const std::string& handle) {
    std::optional<size_t> found;
    for (size_t j = 0; j < m.size() && !found; ++j) {
      if (IsInteger(m[j].type) && NameIn(m[j].name, names, handle)) found = j;
    }
    return found;
  };
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].type.kind != flat::Type::Kind::kHandle) continue;
    std::optional<size_t> offset = find(naming.offset_names, m[i].name);
    std::optional<size_t> size = find(naming.size_names, m[i].name);
    if (offset && size && *offset != *size) out.push_back({i, *offset, *size});
  }
  return out;
}

std::vector<PresenceFlag> FindPresenceFlags(const std::vector<flat::StructMember>& m) {
  std::vector<PresenceFlag> out;
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].type.kind != flat::Type::Kind::kPrimitive ||
        m[i].type.primitive != flat::PrimitiveKind::kBool || !m[i].name.starts_with("has_")) {
      continue;
    }
    if (std::optional<size_t> value = FindMember(m, m[i].name.substr(4))) {
      out.push_back({i, *value});
    }
  }
  return out;
}

std::vector<SmuggledPointer> FindSmuggledPointers(const std::vector<flat::StructMember>& m,
                                                  const Naming& naming) {
  std::vector<SmuggledPointer> out;
  for (size_t i = 0; i < m.size(); ++i) {
    const flat::Type& t = m[i].type;
    bool wide = t.kind == flat::Type::Kind::kPrimitive &&
                (t.primitive == flat::PrimitiveKind::kUint64 ||
                 t.primitive == flat::PrimitiveKind::kUsize ||
                 t.primitive == flat::PrimitiveKind::kVoidptr);
    if (!wide || t.alias) continue;  // zx.Paddr, zx.Koid ... say what they hold
    std::optional<size_t> count = CountOf(m, m[i].name, naming);
    bool named = std::any_of(naming.pointer_names.begin(), naming.pointer_names.end(),
                             [&](const std::string& n) {
                               return m[i].name == n || m[i].name.ends_with("_" + n);
                             });
    if (count || named || t.primitive == flat::PrimitiveKind::kVoidptr) out.push_back({i, count});
  }
  return out;
}

std::vector<std::string> CommentHints(const std::string& doc, const std::vector<std::string>& hints) {
  std::string lower = doc;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> out;
  for (const std::string& hint : hints) {
    if (lower.find(hint) != std::string::npos) out.push_back(hint);
  }
  return out;
}

std::string DocText(const fdfkit::idl::raw::AttributeList& attrs) {
  const fdfkit::idl::raw::Attribute* doc = attrs.Find("doc");
  if (!doc || doc->args.empty()) return "";
  return doc->args[0].value.text;
}

}  // namespace fdfkit::protocol
