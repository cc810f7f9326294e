#include "migrate/idl/formatter.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "migrate/idl/builtin_libraries.h"
#include "migrate/idl/identifiers.h"

namespace fdfkit::idl {

using raw::Constant;
using raw::Layout;
using raw::TypeConstructor;

namespace {

constexpr const char* kIndent = "    ";

std::string Indent(int level) {
  std::string out;
  for (int i = 0; i < level; ++i) out += kIndent;
  return out;
}

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string FormatConstant(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kString: return Quote(c.text);
    case Constant::Kind::kIdentifier: return FidlCompoundName(CanonicalZxName(c.text));
    case Constant::Kind::kOr: {
      std::string out;
      for (size_t i = 0; i < c.operands.size(); ++i) {
        if (i) out += " | ";
        out += FormatConstant(c.operands[i]);
      }
      return out;
    }
    default: return c.text;
  }
}

// Legacy attribute names and their modern spelling.
std::string ModernAttributeName(const std::string& name) {
  std::string canonical = raw::CanonicalAttributeName(name);
  if (canonical == "layout") return "banjo_layout";
  return canonical;
}

}  // namespace

class Formatter {
 public:
  Formatter(const raw::File& file, const NameKinds& kinds, const FormatHints& hints)
      : file_(file), kinds_(kinds), hints_(hints) {}

  std::string Run() {
    bool banjo = file_.dialect == raw::Dialect::kBanjoV1 || file_.dialect == raw::Dialect::kBanjoV2;
    out_ << CommentLines(file_.library_comments.leading, Indent(0));
    out_ << AttributesText(file_.library_attrs, 0);
    out_ << WithTrailing("library " + file_.library + ";\n", file_.library_comments.trailing);
    if (!file_.usings.empty()) out_ << "\n";
    for (const raw::Using& u : file_.usings) {
      std::string line = "using " + u.library;
      if (!u.alias.empty()) line += " as " + u.alias;
      out_ << CommentLines(u.comments.leading, Indent(0)) << WithTrailing(line + ";\n", u.comments.trailing);
    }
    for (const raw::Decl& d : file_.decls) {
      out_ << "\n";
      WriteDecl(d, banjo);
    }
    if (!file_.end_comments.empty()) out_ << "\n" << CommentLines(file_.end_comments, Indent(0), true);
    return out_.str();
  }

 private:
  // Doc comments as `///` lines, then one `@name(args)` per line (or space-separated inline).
  static std::string AttributesText(const raw::AttributeList& attrs, int level,
                                    bool inline_list = false) {
    std::string out;
    for (const raw::Attribute& a : attrs.items) {
      if (raw::CanonicalAttributeName(a.name) == "doc") {
        if (a.args.empty()) continue;
        std::string text = a.args[0].value.text;
        if (!text.empty() && text.back() == '\n') text.pop_back();
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) out += Indent(level) + "///" + line + "\n";
        continue;
      }
      out += (inline_list ? "" : Indent(level)) + "@" + ModernAttributeName(a.name);
      if (!a.args.empty()) {
        out += "(";
        for (size_t i = 0; i < a.args.size(); ++i) {
          if (i) out += ", ";
          if (!a.args[i].name.empty()) out += a.args[i].name + "=";
          out += FormatConstant(a.args[i].value);
        }
        out += ")";
      }
      out += inline_list ? " " : "\n";
    }
    return out;
  }

  std::string KindOf(const std::string& name) const {
    auto it = kinds_.find(name);
    if (it == kinds_.end() && name.starts_with(file_.library + ".")) {
      it = kinds_.find(name.substr(file_.library.size() + 1));
    }
    return it == kinds_.end() ? "" : it->second;
  }

  std::string FormatType(const TypeConstructor& t, int level) {
    if (t.layout) return FormatLayout(*t.layout, level);
    std::string name = FidlCompoundName(CanonicalZxName(t.name));
    std::vector<std::string> constraints;
    for (const Constant& c : t.constraints) constraints.push_back(FormatConstant(c));
    std::string kind = KindOf(t.name);
    auto drop_optional = [&] {
      for (auto it = constraints.begin(); it != constraints.end(); ++it) {
        if (*it == "optional") {
          constraints.erase(it);
          return true;
        }
      }
      return false;
    };
    if (kind == "struct" && drop_optional()) return "box<" + name + ">";
    if (kind == "protocol") {  // a bare protocol used as a value
      constraints.insert(constraints.begin(), name);
      name = "client_end";
    }
    // The first constraint of a handle, a subtype, in today's spelling.
    if (name == "zx.Handle" && !t.constraints.empty() &&
        t.constraints[0].kind == Constant::Kind::kIdentifier &&
        t.constraints[0].text.find('.') == std::string::npos && constraints[0] != "optional") {
      std::string subtype = t.constraints[0].text;
      for (char& c : subtype) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      constraints[0] = std::string(LegacyHandleSubtype(subtype));
    }
    std::string out = name;
    if (t.name == "bytes" && kind.empty() && t.type_args.empty()) out = "vector<uint8>";  // old FIDL
    if (!t.type_args.empty() || t.size_arg) {
      out += "<";
      for (size_t i = 0; i < t.type_args.size(); ++i) {
        if (i) out += ", ";
        out += FormatType(t.type_args[i], level);
      }
      if (t.size_arg) out += ", " + FormatConstant(*t.size_arg);
      out += ">";
    }
    if (constraints.size() == 1) {
      out += ":" + constraints[0];
    } else if (!constraints.empty()) {
      out += ":<";
      for (size_t i = 0; i < constraints.size(); ++i) {
        if (i) out += ", ";
        out += constraints[i];
      }
      out += ">";
    }
    return out;
  }

  // Enum members that are aliases of another member (written as constants after the enum).
  const std::map<std::string, std::string>* AliasesOf(const Layout& layout) const {
    auto it = hints_.enum_aliases.find(&layout);
    return it == hints_.enum_aliases.end() ? nullptr : &it->second;
  }

  std::string FormatLayout(const Layout& layout, int level,
                           const std::map<std::string, std::string>* skip = nullptr) {
    std::string text = AttributesText(layout.attrs, 0, /*inline_list=*/true);

    std::vector<std::string> modifiers = layout.modifiers;
    bool has_strictness = false;
    for (const std::string& m : modifiers) has_strictness |= m == "strict" || m == "flexible";
    bool needs_strictness = layout.kind == Layout::Kind::kUnion ||
                            layout.kind == Layout::Kind::kEnum || layout.kind == Layout::Kind::kBits;
    if (needs_strictness && !has_strictness) modifiers.insert(modifiers.begin(), "strict");
    if (hints_.add_resource.count(&layout) &&
        std::find(modifiers.begin(), modifiers.end(), "resource") == modifiers.end()) {
      modifiers.push_back("resource");
    }
    for (const std::string& m : modifiers) text += m + " ";
    text += raw::LayoutKindName(layout.kind);
    if (layout.subtype) text += " : " + FormatType(*layout.subtype, level);
    if (layout.members.empty() && layout.closing.empty()) return text + " {}";
    text += " {\n";
    uint64_t next_ordinal = 1;
    for (const raw::LayoutMember& m : layout.members) {
      if (skip && skip->count(m.name)) continue;
      std::string member = CommentLines(m.comments.leading, Indent(level + 1)) +
                           AttributesText(m.attrs, level + 1) + Indent(level + 1);
      bool ordinals = layout.kind == Layout::Kind::kUnion || layout.kind == Layout::Kind::kTable;
      if (ordinals) {
        member += (m.ordinal ? m.ordinal->text : std::to_string(next_ordinal)) + ": ";
        // strtoull, not stoull: an out-of-range ordinal must not throw out of the formatter.
        next_ordinal = (m.ordinal ? strtoull(m.ordinal->text.c_str(), nullptr, 0) : next_ordinal) + 1;
      }
      if (m.reserved) {
        member += "reserved";
      } else {
        member += FidlIdentifier(m.name);
        if (m.type) member += " " + FormatType(*m.type, level + 1);
        if (m.value) member += " = " + FormatConstant(*m.value);
      }
      text += WithTrailing(member + ";\n", m.comments.trailing);
    }
    text += CommentLines(layout.closing, Indent(level + 1), /*closing=*/true);
    return text + Indent(level) + "}";
  }

  std::string FormatPayload(const std::optional<TypeConstructor>& payload) {
    if (!payload) return "()";
    return "(" + FormatType(*payload, 1) + ")";
  }

  void WriteDecl(const raw::Decl& d, bool banjo_file) {
    out_ << CommentLines(d.comments.leading, Indent(0));
    out_ << AttributesText(d.attrs, 0);
    std::string name = FidlIdentifier(d.name);
    std::string text;
    switch (d.kind) {
      case raw::Decl::Kind::kConst:
        text = "const " + name + " " + FormatType(*d.type, 0) + " = " + FormatConstant(*d.value) +
               ";\n";
        break;
      case raw::Decl::Kind::kAlias:
        text = "alias " + name + " = " + FormatType(*d.type, 0) + ";\n";
        break;
      case raw::Decl::Kind::kType: {
        const std::map<std::string, std::string>* aliases =
            d.type->layout ? AliasesOf(*d.type->layout) : nullptr;
        out_ << WithTrailing("type " + name + " = " + FormatLayout(*d.type->layout, 0, aliases) +
                                 ";\n",
                             d.comments.trailing);
        if (aliases) WriteAliasConstants(name, *d.type->layout, *aliases);
        return;
      }
      case raw::Decl::Kind::kService:
        text = "service " + name + " {\n";
        for (const raw::LayoutMember& m : d.members) {
          text += CommentLines(m.comments.leading, Indent(1)) + AttributesText(m.attrs, 1);
          text += WithTrailing(std::string(kIndent) + FidlIdentifier(m.name) + " " +
                                   FormatType(*m.type, 1) + ";\n",
                               m.comments.trailing);
        }
        text += CommentLines(d.closing, Indent(1), /*closing=*/true) + "};\n";
        break;
      case raw::Decl::Kind::kResource:
        text = "// resource_definition " + d.name + " is not reformatted\n";
        break;
      case raw::Decl::Kind::kProtocol:
        text = ProtocolText(d, banjo_file);
        break;
    }
    out_ << WithTrailing(text, d.comments.trailing);
  }

  // Banjo let enum members repeat a value; modern FIDL does not, so each alias becomes a constant
  // of the enum's type naming the member it repeats, with the member's comments and docs.
  void WriteAliasConstants(const std::string& type, const Layout& layout,
                           const std::map<std::string, std::string>& aliases) {
    for (const raw::LayoutMember& m : layout.members) {
      auto alias = aliases.find(m.name);
      if (alias == aliases.end()) continue;
      out_ << "\n" << CommentLines(m.comments.leading, Indent(0)) << AttributesText(m.attrs, 0);
      out_ << WithTrailing("const " + FidlIdentifier(m.name) + " " + type + " = " + type + "." +
                               FidlIdentifier(alias->second) + ";\n",
                           m.comments.trailing);
    }
  }

  std::string ProtocolText(const raw::Decl& d, bool banjo_file) {
    std::string text;
    if (banjo_file && !d.attrs.Find("transport")) text += "@transport(\"Banjo\")\n";
    std::string openness = "closed";
    for (const std::string& m : d.modifiers) {
      if (m == "open" || m == "ajar" || m == "closed") openness = m;
    }
    // Members are separated by a blank line.
    std::vector<std::string> members;
    for (const raw::Compose& c : d.composes) {
      members.push_back(WithTrailing(CommentLines(c.comments.leading, Indent(1)) +
                                         AttributesText(c.attrs, 1) + kIndent + "compose " +
                                         FidlCompoundName(c.name) + ";\n",
                                     c.comments.trailing));
    }
    for (const raw::Method& m : d.methods) {
      std::string strictness = "strict";
      for (const std::string& mod : m.modifiers) strictness = mod;
      std::string method = CommentLines(m.comments.leading, Indent(1)) + AttributesText(m.attrs, 1) +
                           kIndent + strictness + " ";
      if (m.is_event) {
        method += "-> " + FidlIdentifier(m.name) + FormatPayload(m.response);
      } else {
        method += FidlIdentifier(m.name) + FormatPayload(m.request);
        if (m.has_response) method += " -> " + FormatPayload(m.response);
      }
      if (m.error) method += " error " + FormatType(*m.error, 1);
      members.push_back(WithTrailing(method + ";\n", m.comments.trailing));
    }
    text += openness + " protocol " + FidlIdentifier(d.name) + " {";
    std::string closing = CommentLines(d.closing, Indent(1), /*closing=*/true);
    if (members.empty() && closing.empty()) return text + "};\n";
    text += "\n";
    for (size_t i = 0; i < members.size(); ++i) text += (i ? "\n" : "") + members[i];
    return text + closing + "};\n";
  }

  const raw::File& file_;
  const NameKinds& kinds_;
  const FormatHints& hints_;
  std::ostringstream out_;
};

std::string CommentLines(const std::vector<std::string>& lines, const std::string& indent,
                         bool closing) {
  size_t begin = 0, count = lines.size();
  while (begin < count && lines[begin].empty()) ++begin;  // the declarations' own blank line does
  if (closing) {
    while (count > begin && lines[count - 1].empty()) --count;
  }
  std::string out;
  for (size_t i = begin; i < count; ++i) out += lines[i].empty() ? "\n" : indent + lines[i] + "\n";
  return out;
}

std::string WithTrailing(std::string text, const std::string& trailing) {
  if (trailing.empty()) return text;
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text + " " + trailing + "\n";
}

std::string CanonicalZxName(const std::string& name) {
  if (!name.starts_with("zx.")) return name;
  std::string capitalised = ZxCanonicalSpelling(std::string_view(name).substr(3));
  return capitalised.empty() ? name : "zx." + capitalised;
}

void CollectNameKinds(const raw::File& file, NameKinds* kinds) {
  for (const raw::Decl& d : file.decls) {
    switch (d.kind) {
      case raw::Decl::Kind::kType:
        (*kinds)[d.name] = d.type && d.type->layout ? raw::LayoutKindName(d.type->layout->kind) : "";
        break;
      case raw::Decl::Kind::kProtocol: (*kinds)[d.name] = "protocol"; break;
      case raw::Decl::Kind::kAlias: (*kinds)[d.name] = "alias"; break;
      case raw::Decl::Kind::kConst: (*kinds)[d.name] = "const"; break;
      case raw::Decl::Kind::kService: (*kinds)[d.name] = "service"; break;
      case raw::Decl::Kind::kResource: (*kinds)[d.name] = "resource"; break;
    }
  }
}

std::string Format(const raw::File& file, const NameKinds& kinds, const FormatHints& hints) {
  return Formatter(file, kinds, hints).Run();
}

void FormatHints::Merge(FormatHints other) {
  add_resource.merge(other.add_resource);
  enum_aliases.merge(other.enum_aliases);
}

FormatHints HintsFrom(const flat::Library& library) {
  FormatHints hints;
  for (const auto& decl : library.decls) {
    if (flat::IsResource(*decl) && decl->raw_layout) hints.add_resource.insert(decl->raw_layout);
    bool enum_or_bits = decl->kind == flat::Decl::Kind::kEnum || decl->kind == flat::Decl::Kind::kBits;
    if (enum_or_bits && decl->raw_layout && !decl->anonymous) {
      const auto& e = static_cast<const flat::Enum&>(*decl);
      if (!e.aliases.empty()) hints.enum_aliases[decl->raw_layout] = e.aliases;
    }
  }
  return hints;
}

}  // namespace fdfkit::idl
