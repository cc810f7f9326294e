#include "migrate/idl/formatter.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "migrate/idl/builtin_libraries.h"

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
    case Constant::Kind::kIdentifier: return CanonicalZxName(c.text);
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

class Formatter {
 public:
  Formatter(const raw::File& file, const NameKinds& kinds, const LayoutSet& add_resource)
      : file_(file), kinds_(kinds), add_resource_(add_resource) {}

  std::string Run() {
    bool banjo = file_.dialect == raw::Dialect::kBanjoV1 || file_.dialect == raw::Dialect::kBanjoV2;
    out_ << AttributesText(file_.library_attrs, 0);
    out_ << "library " << file_.library << ";\n";
    if (!file_.usings.empty()) out_ << "\n";
    for (const raw::Using& u : file_.usings) {
      out_ << "using " << u.library;
      if (!u.alias.empty()) out_ << " as " << u.alias;
      out_ << ";\n";
    }
    for (const raw::Decl& d : file_.decls) {
      out_ << "\n";
      WriteDecl(d, banjo);
    }
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
    std::string name = CanonicalZxName(t.name);
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
    std::string out = name;
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

  std::string FormatLayout(const Layout& layout, int level) {
    std::string text = AttributesText(layout.attrs, 0, /*inline_list=*/true);

    std::vector<std::string> modifiers = layout.modifiers;
    bool has_strictness = false;
    for (const std::string& m : modifiers) has_strictness |= m == "strict" || m == "flexible";
    bool needs_strictness = layout.kind == Layout::Kind::kUnion ||
                            layout.kind == Layout::Kind::kEnum || layout.kind == Layout::Kind::kBits;
    if (needs_strictness && !has_strictness) modifiers.insert(modifiers.begin(), "strict");
    if (add_resource_.count(&layout) &&
        std::find(modifiers.begin(), modifiers.end(), "resource") == modifiers.end()) {
      modifiers.push_back("resource");
    }
    for (const std::string& m : modifiers) text += m + " ";
    text += raw::LayoutKindName(layout.kind);
    if (layout.subtype) text += " : " + FormatType(*layout.subtype, level);
    if (layout.members.empty()) return text + " {}";
    text += " {\n";
    uint64_t next_ordinal = 1;
    for (const raw::LayoutMember& m : layout.members) {
      text += AttributesText(m.attrs, level + 1);
      text += Indent(level + 1);
      bool ordinals = layout.kind == Layout::Kind::kUnion || layout.kind == Layout::Kind::kTable;
      if (ordinals) {
        text += (m.ordinal ? m.ordinal->text : std::to_string(next_ordinal)) + ": ";
        // strtoull, not stoull: an out-of-range ordinal must not throw out of the formatter.
        next_ordinal = (m.ordinal ? strtoull(m.ordinal->text.c_str(), nullptr, 0) : next_ordinal) + 1;
      }
      if (m.reserved) {
        text += "reserved;\n";
        continue;
      }
      text += m.name;
      if (m.type) text += " " + FormatType(*m.type, level + 1);
      if (m.value) text += " = " + FormatConstant(*m.value);
      text += ";\n";
    }
    return text + Indent(level) + "}";
  }

  std::string FormatPayload(const std::optional<TypeConstructor>& payload) {
    if (!payload) return "()";
    return "(" + FormatType(*payload, 1) + ")";
  }

  void WriteDecl(const raw::Decl& d, bool banjo_file) {
    out_ << AttributesText(d.attrs, 0);
    switch (d.kind) {
      case raw::Decl::Kind::kConst:
        out_ << "const " << d.name << " " << FormatType(*d.type, 0) << " = "
             << FormatConstant(*d.value) << ";\n";
        break;
      case raw::Decl::Kind::kAlias:
        out_ << "alias " << d.name << " = " << FormatType(*d.type, 0) << ";\n";
        break;
      case raw::Decl::Kind::kType:
        out_ << "type " << d.name << " = " << FormatType(*d.type, 0) << ";\n";
        break;
      case raw::Decl::Kind::kService:
        out_ << "service " << d.name << " {\n";
        for (const raw::LayoutMember& m : d.members) {
          out_ << AttributesText(m.attrs, 1);
          out_ << kIndent << m.name << " " << FormatType(*m.type, 1) << ";\n";
        }
        out_ << "};\n";
        break;
      case raw::Decl::Kind::kResource:
        out_ << "// resource_definition " << d.name << " is not reformatted\n";
        break;
      case raw::Decl::Kind::kProtocol: WriteProtocol(d, banjo_file); break;
    }
  }

  void WriteProtocol(const raw::Decl& d, bool banjo_file) {
    if (banjo_file && !d.attrs.Find("transport")) out_ << "@transport(\"Banjo\")\n";
    std::string openness = "closed";
    for (const std::string& m : d.modifiers) {
      if (m == "open" || m == "ajar" || m == "closed") openness = m;
    }
    // Members are separated by a blank line.
    std::vector<std::string> members;
    for (const raw::Compose& c : d.composes) {
      members.push_back(AttributesText(c.attrs, 1) + kIndent + "compose " + c.name + ";");
    }
    for (const raw::Method& m : d.methods) {
      std::string strictness = "strict";
      for (const std::string& mod : m.modifiers) strictness = mod;
      std::string text = AttributesText(m.attrs, 1) + kIndent + strictness + " ";
      if (m.is_event) {
        text += "-> " + m.name + FormatPayload(m.response);
      } else {
        text += m.name + FormatPayload(m.request);
        if (m.has_response) text += " -> " + FormatPayload(m.response);
      }
      if (m.error) text += " error " + FormatType(*m.error, 1);
      members.push_back(text + ";");
    }
    out_ << openness << " protocol " << d.name << " {";
    if (members.empty()) {
      out_ << "};\n";
      return;
    }
    out_ << "\n";
    for (size_t i = 0; i < members.size(); ++i) out_ << (i ? "\n\n" : "") << members[i];
    out_ << "\n};\n";
  }

  const raw::File& file_;
  const NameKinds& kinds_;
  const LayoutSet& add_resource_;
  std::ostringstream out_;
};

}  // namespace

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

std::string Format(const raw::File& file, const NameKinds& kinds, const LayoutSet& add_resource) {
  return Formatter(file, kinds, add_resource).Run();
}

}  // namespace fdfkit::idl

namespace fdfkit::idl {

LayoutSet LayoutsNeedingResource(const flat::Library& library) {
  LayoutSet out;
  for (const auto& decl : library.decls) {
    if (flat::IsResource(*decl) && decl->raw_layout) out.insert(decl->raw_layout);
  }
  return out;
}

}  // namespace fdfkit::idl
