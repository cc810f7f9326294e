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
  std::vector<HandleRange> out;
  for (size_t i = 0; i + 2 < m.size(); ++i) {
    if (m[i].type.kind != flat::Type::Kind::kHandle) continue;
    const std::string& handle = m[i].name;
    if (IsInteger(m[i + 1].type) && IsInteger(m[i + 2].type) &&
        NameIn(m[i + 1].name, naming.offset_names, handle) &&
        NameIn(m[i + 2].name, naming.size_names, handle)) {
      out.push_back({i, i + 1, i + 2});
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
