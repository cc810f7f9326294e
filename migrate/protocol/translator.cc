#include "translator.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "banjo_names.h"
#include "fidl_spelling.h"

namespace fdf_migrate {
namespace {

namespace flat = fdf_idl::flat;
namespace raw = fdf_idl::raw;
using Json = nlohmann::ordered_json;

// Attributes that only meant something to the banjo generators; the clone drops them.
const std::set<std::string> kBanjoAttributes = {
    "transport",  "banjo_layout",  "layout",     "async",         "buffer",
    "mutable",    "in_out",        "callee_allocated", "inner_pointer", "out_of_line_contents",
    "packed",     "preserve_c_names", "derive_debug", "namespaced",  "handle_wrappers",
    "default_protocol"};

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string AttributeValue(const raw::AttributeList& attrs, std::string_view name) {
  const raw::Attribute* a = attrs.Find(name);
  if (!a || a->args.empty()) return "";
  return a->args[0].value.text;
}

class Translator {
 public:
  Translator(const flat::Library& library, const fdf_idl::SourceFiles& files,
             const TranslateOptions& options)
      : library_(library), files_(files), options_(options) {}

  Translation Run() {
    out_.library = library_.name;
    out_.mapping = {{"schema", "fdfkit-mapping/1"}, {"library", library_.name},
                    {"transport", options_.transport == TranslateOptions::Transport::kDriver
                                      ? "driver" : "channel"},
                    {"protocols", Json::array()}};
    CollectPayloads();
    std::string body;
    for (const auto& decl : library_.decls) {
      if (decl->kind == flat::Decl::Kind::kResource || payloads_.count(decl.get())) continue;
      if (decl->kind == flat::Decl::Kind::kUnion &&
          static_cast<const flat::Union&>(*decl).is_result) {
        continue;
      }
      body += Decl(*decl);
    }
    body += Services();
    std::string head = Attributes(library_.attrs, "") + "library " + library_.name + ";\n\n";
    std::set<std::string> usings;
    for (const flat::Library* dependency : library_.dependencies) {
      if (dependency->name != "fidl") usings.insert(dependency->name);
    }
    if (body.find("zx.") != std::string::npos) usings.insert("zx");
    for (const std::string& u : usings) head += "using " + u + ";\n";
    out_.fidl = head + "\n" + body;
    return std::move(out_);
  }

 private:
  void Change(llvm::SMLoc loc, std::string text) {
    out_.notes.push_back({Note::Kind::kChange, files_.Where(loc), std::move(text)});
  }
  void Decision(llvm::SMLoc loc, std::string text) {
    out_.notes.push_back({Note::Kind::kDecision, files_.Where(loc), std::move(text)});
  }

  // Method payloads are written inline in their methods, not as declarations.
  void CollectPayloads() {
    for (const auto& decl : library_.decls) {
      if (decl->kind != flat::Decl::Kind::kProtocol) continue;
      for (const flat::Method& m : static_cast<const flat::Protocol&>(*decl).methods) {
        for (const auto* type : {&m.request, &m.response, &m.success}) {
          if (*type && (*type)->decl && (*type)->decl->anonymous) payloads_.insert((*type)->decl);
        }
      }
    }
  }

  // Docs and the attributes that still mean something in FIDL; banjo-only ones are dropped.
  std::string Attributes(const raw::AttributeList& attrs, const std::string& indent) {
    std::string out;
    for (const raw::Attribute& a : attrs.items) {
      std::string name = raw::CanonicalAttributeName(a.name);
      if (name == "doc") {
        // One `///` line per line of the doc text (legacy `[Doc = "..."]` may hold several).
        if (a.args.empty()) continue;
        std::string_view text = a.args[0].value.text;
        if (text.ends_with('\n')) text.remove_suffix(1);
        for (size_t start = 0, end; start <= text.size(); start = end + 1) {
          end = std::min(text.find('\n', start), text.size());
          out += indent + "///" + std::string(text.substr(start, end - start)) + "\n";
        }
        continue;
      }
      if (kBanjoAttributes.count(name) || name == "discoverable") continue;
      out += indent + "@" + name;
      if (!a.args.empty()) {
        out += "(";
        for (size_t i = 0; i < a.args.size(); ++i) {
          const raw::AttributeArg& arg = a.args[i];
          if (i) out += ", ";
          if (!arg.name.empty()) out += arg.name + "=";
          out += arg.value.kind == raw::Constant::Kind::kString ? Quoted(arg.value.text)
                                                                : arg.value.text;
        }
        out += ")";
      }
      out += "\n";
    }
    return out;
  }

  std::string Type(const flat::Type& type, llvm::SMLoc loc, const std::string& what) {
    bool pointer_sized = false;
    std::string spelled = TypeSpelling(type, library_.name, &pointer_sized);
    if (pointer_sized) {
      Decision(loc, what + " is pointer-sized (usize/voidptr) in banjo: written as uint64. If it "
                           "carries a pointer, replace it with the data it points to (a vector or "
                           "a struct); a pointer cannot cross the driver transport.");
    }
    return spelled;
  }

  std::string Decl(const flat::Decl& decl) {
    std::string out = Attributes(decl.attrs, "");
    const std::string& name = decl.name.name;
    switch (decl.kind) {
      case flat::Decl::Kind::kConst: {
        const auto& c = static_cast<const flat::Const&>(decl);
        out += "const " + name + " " + Type(c.type, decl.loc, "constant '" + name + "'") + " = " +
               ValueSpelling(c.value) + ";\n\n";
        return out;
      }
      case flat::Decl::Kind::kAlias:
        out += "alias " + name + " = " +
               Type(static_cast<const flat::Alias&>(decl).target, decl.loc, "alias '" + name + "'") +
               ";\n\n";
        return out;
      case flat::Decl::Kind::kEnum:
      case flat::Decl::Kind::kBits: {
        const auto& e = static_cast<const flat::Enum&>(decl);
        out += "type " + name + " = " + (e.strict ? "strict " : "flexible ") +
               (decl.kind == flat::Decl::Kind::kEnum ? "enum" : "bits") + " : " +
               flat::PrimitiveName(e.subtype) + " {\n";
        for (const auto& m : e.members) {
          out += Attributes(m.attrs, "    ") + "    " + m.name + " = " + m.value.ToString() + ";\n";
        }
        return out + "};\n\n";
      }
      case flat::Decl::Kind::kStruct:
        return out + "type " + name + " = " + StructBody(static_cast<const flat::Struct&>(decl)) +
               ";\n\n";
      case flat::Decl::Kind::kUnion:
      case flat::Decl::Kind::kTable:
        return out + "type " + name + " = " + EnvelopeBody(decl) + ";\n\n";
      case flat::Decl::Kind::kProtocol:
        return out + Protocol(static_cast<const flat::Protocol&>(decl));
      case flat::Decl::Kind::kService: {
        out += "service " + name + " {\n";
        for (const auto& m : static_cast<const flat::Service&>(decl).members) {
          out += "    " + m.name + " " + Type(m.type, m.loc, "service member") + ";\n";
        }
        return out + "};\n\n";
      }
      case flat::Decl::Kind::kResource: return "";
    }
    return "";
  }

  std::string StructBody(const flat::Struct& s, size_t skip_first = 0) {
    std::string out = s.resource ? "resource struct {\n" : "struct {\n";
    for (size_t i = skip_first; i < s.members.size(); ++i) {
      const auto& m = s.members[i];
      out += Attributes(m.attrs, "    ") + "    " + m.name + " " +
             Type(m.type, m.loc, "member '" + m.name + "'");
      if (m.default_value) out += " = " + ValueSpelling(*m.default_value);
      out += ";\n";
      ParameterAttributes(m, s);
    }
    return out + "}";
  }

  std::string EnvelopeBody(const flat::Decl& decl) {
    bool is_union = decl.kind == flat::Decl::Kind::kUnion;
    const auto& members = is_union ? static_cast<const flat::Union&>(decl).members
                                   : static_cast<const flat::Table&>(decl).members;
    std::string out;
    if (is_union) out += static_cast<const flat::Union&>(decl).strict ? "strict " : "flexible ";
    if (flat::IsResource(decl)) out += "resource ";
    out += is_union ? "union {\n" : "table {\n";
    for (const auto& m : members) {
      out += Attributes(m.attrs, "    ") + "    " + std::to_string(m.ordinal) + ": ";
      out += m.type ? m.name + " " + Type(*m.type, m.loc, "member '" + m.name + "'") : "reserved";
      out += ";\n";
    }
    return out + "}";
  }

  // Banjo parameter attributes that change meaning on the driver transport.
  void ParameterAttributes(const flat::Member& m, const flat::Decl& owner) {
    const raw::AttributeList& a = m.attrs;
    std::string what = "'" + m.name + "'";
    if (a.Find("buffer")) Change(m.loc, "@buffer on " + what + " dropped: a vector is a buffer");
    for (const char* plain : {"callee_allocated", "inner_pointer", "out_of_line_contents"}) {
      if (a.Find(plain)) {
        Change(m.loc, "@" + std::string(plain) + " on " + what +
                          " dropped: FIDL vectors are always out of line and owned by the message");
      }
    }
    if (a.Find("mutable") || a.Find("in_out")) {
      Decision(m.loc, what + " was written in place by the callee (@mutable/@in_out). The driver "
                            "transport does not share the caller's memory: if the callee changes "
                            "it, return the new contents as a response field.");
    }
  }

  // A `zx.Status` field: the alias is what tells a status from a plain int32.
  static bool IsStatus(const flat::StructMember& m) {
    return m.type.alias && m.type.alias->name.library == "zx" && m.type.alias->name.name == "Status";
  }

  std::string Protocol(const flat::Protocol& p) {
    std::string layout = Lower(AttributeValue(p.attrs, "banjo_layout"));
    if (layout.empty()) layout = Lower(AttributeValue(p.attrs, "layout"));
    std::string transport = Lower(AttributeValue(p.attrs, "transport"));
    if (layout.empty() && !transport.empty() && transport != "banjo") {
      // Already on a FIDL transport (an earlier clone): only discoverable protocols are served.
      layout = p.attrs.Find("discoverable") ? "ddk-protocol" : "ddk-interface";
    }
    if (layout.empty()) layout = "ddk-protocol";
    bool driver = options_.transport == TranslateOptions::Transport::kDriver;
    std::string out;
    bool discoverable = layout == "ddk-protocol" || p.attrs.Find("discoverable");
    if (discoverable) out += "@discoverable\n";
    if (driver) out += "@transport(\"Driver\")\n";
    std::string openness = options_.open_protocols ? "open" : "closed";
    out += openness + " protocol " + p.name.name + " {\n";
    Change(p.loc, "protocol '" + p.name.name + "' (" + layout + ") → " + openness + " protocol" +
                      (driver ? " on the driver transport" : " on Zircon channels") +
                      (discoverable ? ", @discoverable" : ""));
    if (layout != "ddk-protocol") {
      Change(p.loc, "'" + p.name.name + "' was a " + layout + " handed to the other driver; it is "
                    "now a protocol of its own, passed as a client_end");
    }
    for (const flat::Protocol* c : p.composed) {
      out += "    compose " + DeclReference(*c, library_.name) + ";\n";
    }
    Json protocol_map = {{"banjo", {{"protocol", p.name.name}, {"layout", layout}}},
                         {"fidl", {{"protocol", p.name.name}, {"openness", openness}}},
                         {"methods", Json::array()}};
    BanjoProtocolNames names = BanjoNamesOf(p.name.name);
    protocol_map["banjo"]["c_ops_type"] = names.ops_type;
    protocol_map["banjo"]["c_protocol_type"] = names.proto_type;
    protocol_map["banjo"]["protocol_id"] = names.protocol_id;
    protocol_map["banjo"]["cpp_mixin"] = names.cpp_mixin;
    protocol_map["banjo"]["cpp_client"] = names.cpp_client;
    for (const flat::Method& m : p.methods) {
      out += Method(p, m, &protocol_map["methods"]);
    }
    out_.mapping["protocols"].push_back(std::move(protocol_map));
    if (layout == "ddk-protocol") served_.push_back(&p);
    return out + "};\n\n";
  }

  std::string Method(const flat::Protocol& p, const flat::Method& m, Json* methods) {
    bool is_async = m.attrs.Find("async") != nullptr;
    std::string strictness = options_.open_protocols ? "flexible " : "strict ";
    std::string out = Attributes(m.attrs, "    ") + "    " + strictness;
    Json map;
    BanjoMethodNames names = BanjoNamesOf(p.name.name, m.name, is_async);
    map["banjo"] = {{"method", m.name}, {"c_ops_member", names.c_ops_member},
                    {"cpp_mixin", names.cpp_mixin}, {"cpp_client", names.cpp_client},
                    {"async", is_async}};
    if (is_async) map["banjo"]["c_callback"] = names.c_callback;
    std::string selector = library_.name + "/" + p.name.name + "." + m.name;
    map["fidl"] = {{"protocol", p.name.name}, {"method", m.name},
                   {"ordinal", flat::MethodOrdinal(selector)}};
    Json parameters = Json::array();
    if (m.is_event) {
      out += "-> " + m.name + Payload(m.request, 0, "out", &parameters) + ";\n";
    } else {
      out += m.name + Payload(m.request, 0, "in", &parameters);
      if (m.has_response) out += " -> " + Response(m, &map, &parameters);
      out += ";\n";
    }
    if (is_async) {
      Change(m.loc, "@async '" + m.name + "' → an ordinary two-way method: the reply replaces the "
                    "callback; the server may reply later through completer.ToAsync()");
      parameters.push_back({{"banjo", "callback"}, {"direction", "in"},
                            {"c", {names.c_callback + " callback"}}, {"becomes", "dropped"},
                            {"reason", "the reply message replaces the completion callback"}});
      parameters.push_back({{"banjo", "cookie"}, {"direction", "in"}, {"c", {"void* cookie"}},
                            {"becomes", "dropped"},
                            {"reason", "the FIDL transaction identifies the call"}});
    }
    map["parameters"] = std::move(parameters);
    if (!map.contains("status")) map["status"] = "none";
    methods->push_back(std::move(map));
    return out;
  }

  // `(struct { ... })` for an anonymous payload, `(Name)` for a named one, `()` for none.
  std::string Payload(const std::optional<flat::Type>& payload, size_t skip_first,
                      const char* direction, Json* parameters) {
    if (!payload) return "()";
    const flat::Decl* decl = payload->decl;
    if (!decl || !decl->anonymous || decl->kind != flat::Decl::Kind::kStruct) {
      return "(" + TypeSpelling(*payload, library_.name) + ")";
    }
    const auto& s = static_cast<const flat::Struct&>(*decl);
    for (size_t i = skip_first; i < s.members.size(); ++i) {
      parameters->push_back(Parameter(s.members[i], direction,
                                      std::string(direction) == "in" ? "request" : "response"));
    }
    if (s.members.size() == skip_first) return "()";
    return "(" + StructBody(s, skip_first) + ")";
  }

  std::string Response(const flat::Method& m, Json* map, Json* parameters) {
    if (m.has_result_union()) {
      (*map)["status"] = "error_syntax";
      return Payload(m.success, 0, "out", parameters) + " error " +
             TypeSpelling(*m.error, library_.name);
    }
    const flat::Decl* payload = m.response && m.response->decl ? m.response->decl : nullptr;
    if (payload && payload->anonymous && payload->kind == flat::Decl::Kind::kStruct) {
      const auto& s = static_cast<const flat::Struct&>(*payload);
      if (!s.members.empty() && IsStatus(s.members[0])) {
        (*map)["status"] = "error_syntax";
        parameters->push_back({{"banjo", s.members[0].name}, {"direction", "out"},
                               {"c", {"zx_status_t return"}}, {"becomes", "error"},
                               {"reason", "a leading zx.Status becomes `error zx.Status`"}});
        Change(m.loc, "'" + m.name + "': leading status '" + s.members[0].name +
                          "' → error zx.Status");
        return Payload(m.response, 1, "out", parameters) + " error zx.Status";
      }
    }
    return Payload(m.response, 0, "out", parameters);
  }

  // How fidlgen_banjo spelled the C parameters of one payload member, and where it goes now.
  Json Parameter(const flat::StructMember& m, const std::string& direction,
                 const std::string& becomes) {
    bool out = direction == "out";
    bool buffer = m.attrs.Find("buffer") != nullptr;
    std::string prefix = out ? "out_" : "";
    std::vector<std::string> c;
    switch (m.type.kind) {
      case flat::Type::Kind::kVector: {
        std::string list = m.name + (buffer ? "_buffer" : "_list");
        std::string count = m.name + (buffer ? "_size" : "_count");
        c = {prefix + list, count};
        if (out) c.push_back("out_" + m.name + "_actual");
        break;
      }
      case flat::Type::Kind::kString:
        c = {prefix + m.name};
        if (out) c.push_back(m.name + "_capacity");
        break;
      case flat::Type::Kind::kClientEnd:
        c = {m.name};
        break;
      default:
        c = {prefix + m.name};
    }
    return {{"banjo", m.name}, {"direction", direction}, {"c", c}, {"becomes", becomes},
            {"field", m.name}};
  }

  // One `service` per protocol another driver connects to, as Fuchsia's migrated libraries have.
  std::string Services() {
    std::string out;
    std::set<std::string> existing;
    for (const auto& decl : library_.decls) {
      if (decl->kind != flat::Decl::Kind::kService) continue;
      for (const auto& m : static_cast<const flat::Service&>(*decl).members) {
        if (m.type.decl) existing.insert(m.type.decl->name.name);
      }
    }
    for (const flat::Protocol* p : served_) {
      if (existing.count(p->name.name)) continue;
      std::string name = served_.size() == 1 && !library_.Lookup("Service")
                             ? "Service"
                             : p->name.name + "Service";
      out += "service " + name + " {\n    device client_end:" + p->name.name + ";\n};\n\n";
      Change(p->loc, "added 'service " + name + "' so the parent offers '" + p->name.name +
                         "' through its outgoing directory (replaces " +
                         BanjoNamesOf(p->name.name).protocol_id + ")");
    }
    return out;
  }

  const flat::Library& library_;
  const fdf_idl::SourceFiles& files_;
  TranslateOptions options_;
  Translation out_;
  std::set<const flat::Decl*> payloads_;
  std::vector<const flat::Protocol*> served_;
};

}  // namespace

Translation Translate(const flat::Library& library, const fdf_idl::SourceFiles& files,
                      const TranslateOptions& options) {
  return Translator(library, files, options).Run();
}

std::string MigrationReport(const Translation& translation, const std::string& source) {
  std::string out = "# Migration of `" + translation.library + "`\n\nSource: `" + source +
                    "`. Output: `" + translation.library + ".fidl` and `" + translation.library +
                    ".mapping.json`.\n";
  for (Note::Kind kind : {Note::Kind::kChange, Note::Kind::kDecision}) {
    out += kind == Note::Kind::kChange ? "\n## Changes made\n\n" : "\n## Left to a human\n\n";
    size_t count = 0;
    for (const Note& note : translation.notes) {
      if (note.kind != kind) continue;
      out += "- `" + note.where + "`: " + note.text + "\n";
      ++count;
    }
    if (count == 0) out += "None.\n";
  }
  return out;
}

}  // namespace fdf_migrate
