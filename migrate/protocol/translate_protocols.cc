// Protocols, methods, events and services: the protocol-level rows of §3.3 (transport,
// discoverable, openness, status → error, @async, in-place data, interfaces as reverse protocols
// or events, one service per served protocol) and the mapping rows for each method and parameter.
#include <algorithm>

#include "generators/banjo/banjo_names.h"
#include "migrate/idl/formatter.h"
#include "migrate/protocol/diagnostics.h"
#include "migrate/protocol/translator_impl.h"

namespace fdfkit::protocol {
namespace {

using generators::banjo::BanjoMethodNames;
using generators::banjo::BanjoNamesOf;
using generators::banjo::BanjoProtocolNames;
using generators::banjo::CName;

// A `zx.Status` field: the alias is what tells a status from a plain int32.
bool IsStatus(const flat::StructMember& m) {
  return m.type.alias && m.type.alias->name.library == "zx" && m.type.alias->name.name == "Status";
}

// fidlgen_banjo's names of a protocol, as the mapping's `banjo` row.
Json BanjoProtocolRow(const flat::Protocol& p) {
  BanjoProtocolNames names = BanjoNamesOf(p.name.name);
  return {{"protocol", p.name.name}, {"layout", LayoutOf(p)}, {"c_ops_type", names.ops_type},
          {"c_protocol_type", names.proto_type}, {"protocol_id", names.protocol_id},
          {"cpp_mixin", names.cpp_mixin}, {"cpp_client", names.cpp_client}};
}

// Whether fidlgen_banjo returned the first response field from the C function: a primitive, an
// enum or bits, or a zx alias.
bool ReturnedFromC(const flat::StructMember& m) {
  return m.type.kind == flat::Type::Kind::kPrimitive ||
         (m.type.kind == flat::Type::Kind::kIdentifier && m.type.decl &&
          (m.type.decl->kind == flat::Decl::Kind::kEnum || m.type.decl->kind == flat::Decl::Kind::kBits));
}

// A response with nothing the caller needs once an interface it registered became events: no
// members, or only a leading status.
bool NothingButStatus(const flat::Method& m) {
  if (!m.has_response) return true;
  const flat::Struct* s = AnonymousStruct(m.has_result_union() ? m.success : m.response);
  if (!s) return !m.response;
  return s->members.empty() || (s->members.size() == 1 && IsStatus(s->members[0]));
}

}  // namespace

// The C type fidlgen_banjo wrote for a value returned from a C function: a primitive, an enum or
// bits (`<name>_t`), or a zx alias (`zx_status_t`).
std::string CTypeName(const flat::Type& type) {
  if (type.alias && type.alias->name.library == "zx") {
    return "zx_" + CName(type.alias->name.name) + "_t";
  }
  if (type.kind == flat::Type::Kind::kIdentifier && type.decl) return CName(type.decl->name.name) + "_t";
  switch (type.primitive) {
    case flat::PrimitiveKind::kBool: return "bool";
    case flat::PrimitiveKind::kFloat32: return "float";
    case flat::PrimitiveKind::kFloat64: return "double";
    case flat::PrimitiveKind::kUsize: return "size_t";
    case flat::PrimitiveKind::kVoidptr: return "void*";
    default: return std::string(flat::PrimitiveName(type.primitive)) + "_t";
  }
}

const flat::Struct* AnonymousStruct(const std::optional<flat::Type>& payload) {
  if (!payload || !payload->decl || !payload->decl->anonymous ||
      payload->decl->kind != flat::Decl::Kind::kStruct) {
    return nullptr;
  }
  return static_cast<const flat::Struct*>(payload->decl);
}

// Whether the response already returns `in_place`: a field of the same name, or of the same
// declared type (banjo's `Queue(@in_out txn) -> (status, op)` hands the op back under a new name).
const flat::StructMember* AlreadyReturned(const flat::Method& m, const flat::StructMember& in_place) {
  const flat::Struct* s = AnonymousStruct(m.has_result_union() ? m.success : m.response);
  if (!s) return nullptr;
  for (const flat::StructMember& member : s->members) {
    if (member.name == in_place.name) return &member;
  }
  for (const flat::StructMember& member : s->members) {
    if (in_place.type.decl && member.type.kind == in_place.type.kind &&
        member.type.decl == in_place.type.decl) {
      return &member;
    }
  }
  return nullptr;
}

// A protocol already on a FIDL transport: `@transport` other than Banjo, or, in the FIDL
// dialects where banjo always said `@transport("Banjo")`, no transport and no banjo layout.
bool Translator::AlreadyMigrated(const flat::Protocol& p) const {
  std::string transport = TransportOf(p);
  if (!transport.empty()) return transport != "banjo";
  bool fidl_dialect = library_.dialect == raw::Dialect::kFidl ||
                      library_.dialect == raw::Dialect::kModernFidl;
  return fidl_dialect && !p.attrs.Find("banjo_layout") && !p.attrs.Find("layout");
}

Strictness ProtocolStyle::Of(const flat::Method& m) const {
  if (rule) {
    auto it = rule->methods.find(m.name);
    if (it != rule->methods.end() && it->second.strictness) return *it->second.strictness;
  }
  if (keep_strictness) return m.strict ? Strictness::kStrict : Strictness::kFlexible;
  return strictness;
}

// The rules (and the inventory) decide; an earlier clone keeps what it chose unless a rule names
// it. Openness and method strictness are separate choices: Fuchsia opened ClockImpl and kept its
// methods strict.
ProtocolStyle Translator::StyleOf(const flat::Protocol& p) const {
  const ProtocolRule& rule = rules_.Protocol(p.name.library, p.name.name);
  ProtocolStyle style;
  style.rule = &rule;
  style.transport = ChooseTransport(p.name.library, p.name.name, rules_, inventory_);
  style.openness = rule.openness.value_or(rules_.openness);
  style.strictness = rule.strictness.value_or(rules_.strictness);
  if (!AlreadyMigrated(p)) return style;
  if (!rule.transport && style.transport.source != "inventory") {
    style.transport = {TransportOf(p) == "driver" ? Transport::kDriver : Transport::kChannel,
                       "clone", "the @transport of the earlier clone", ""};
  }
  if (!rule.openness) {
    style.openness = p.openness == flat::Protocol::Openness::kOpen   ? Openness::kOpen
                     : p.openness == flat::Protocol::Openness::kAjar ? Openness::kAjar
                                                                     : Openness::kClosed;
  }
  if (!rule.strictness) style.keep_strictness = true;
  return style;
}

Json Translator::FidlMethodRow(const std::string& protocol, const std::string& method,
                               const char* kind, Strictness strictness, llvm::SMLoc banjo_loc,
                               const flat::Protocol& rule_protocol,
                               const std::string& banjo_method) {
  out_.origins[protocol + "." + method] = {
      files_.Where(banjo_loc), rule_protocol.name.library + "/" + rule_protocol.name.name,
      banjo_method, {}};
  return {{"protocol", protocol}, {"method", method}, {"kind", kind},
          {"strictness", StrictnessName(strictness)},
          {"ordinal", flat::MethodOrdinal(out_.new_library + "/" + protocol + "." + method)}};
}

std::string Translator::Protocol(const flat::Protocol& p) {
  std::string layout = LayoutOf(p);
  ProtocolStyle style = StyleOf(p);
  bool driver = style.driver();
  std::string name = LocalName(p);
  std::string out;
  bool discoverable = style.rule->discoverable.value_or(layout == "ddk-protocol" ||
                                                        p.attrs.Find("discoverable"));
  if (discoverable) out += "@discoverable\n";
  if (driver) out += "@transport(\"Driver\")\n";
  std::string openness = OpennessName(style.openness);
  out += openness + " protocol " + name + " {\n";
  Change(p.loc, "protocol '" + p.name.name + "' (" + layout + ") → " + openness + " protocol '" +
                    name + "'" + (driver ? " on the driver transport" : " on Zircon channels") +
                    (discoverable ? ", @discoverable" : "") + "; transport from " +
                    style.transport.where +
                    (style.transport.why.empty() ? "" : " (" + style.transport.why + ")"));
  if (layout != "ddk-protocol") {
    Change(p.loc, "'" + p.name.name + "' was a " + layout + " handed to the other driver; it is "
                  "now a protocol of its own, passed as a client_end");
  }
  for (const flat::Protocol* c : p.composed) {
    out += "    compose " + DeclReference(*c, scope_) + ";\n";
  }
  Json protocol_map = {
      {"banjo", BanjoProtocolRow(p)},
      {"fidl", {{"protocol", name}, {"openness", openness},
                {"transport", TransportName(style.transport.transport)},
                {"transport_from", {{"source", style.transport.source},
                                    {"where", style.transport.where}}}}},
      {"methods", Json::array()}};
  std::vector<const flat::Protocol*> events;
  for (const flat::Method& m : p.methods) {
    out += Method(p, style, m, &protocol_map["methods"], &events);
  }
  for (const flat::Protocol* ifc : events) {
    for (const flat::Method& m : ifc->methods) {
      out += Event(p, style, *ifc, m, &protocol_map["methods"]);
    }
  }
  out_.mapping["protocols"].push_back(std::move(protocol_map));
  // The interfaces folded into events keep their banjo names in the mapping (the shims need
  // them); their methods are listed with this protocol's events.
  for (const flat::Protocol* ifc : events) {
    out_.mapping["protocols"].push_back({{"banjo", BanjoProtocolRow(*ifc)},
                                         {"fidl", {{"events_on", name}}},
                                         {"methods", Json::array()}});
  }
  // An earlier clone already declares the services it wants; only banjo protocols gain one.
  if (layout == "ddk-protocol" && !AlreadyMigrated(p)) served_.push_back(&p);
  return out + Closing(p) + "};\n";
}

// An ajar protocol takes flexible one-way methods and events only. The rules decide openness and
// strictness separately, so the conflict is reported at the rule the user set: the method's, the
// protocol's, then the defaults.
void Translator::CheckAjarTwoWay(const flat::Protocol& p, const ProtocolStyle& style,
                                 const flat::Method& m) {
  if (style.openness != Openness::kAjar || style.Of(m) != Strictness::kFlexible) return;
  std::string key = p.name.library + "/" + p.name.name;
  const ProtocolRule& rule = *style.rule;
  auto method_rule = rule.methods.find(m.name);
  std::vector<std::vector<std::string>> candidates;
  if (method_rule != rule.methods.end() && method_rule->second.strictness) {
    candidates.push_back({"protocols", key, "methods", m.name, "strictness"});
  }
  if (rule.strictness) candidates.push_back({"protocols", key, "strictness"});
  if (rule.openness) candidates.push_back({"protocols", key, "openness"});
  if (!rule.strictness) candidates.push_back({"defaults", "strictness"});
  if (!rule.openness) candidates.push_back({"defaults", "openness"});
  RuleOrigin origin = rules_.Origin(candidates.front());
  for (const auto& keys : candidates) {
    if (RuleOrigin o = rules_.Origin(keys); o.file != kDefaultRulesFile) {
      origin = o;
      break;
    }
  }
  out_.rule_problems.push_back(
      {origin.file, origin.path,
       support::Make(diag::kFlexibleTwoWayInAjarProtocol, key, m.name)});
}

std::string Translator::Method(const flat::Protocol& p, const ProtocolStyle& style,
                               const flat::Method& m, Json* methods,
                               std::vector<const flat::Protocol*>* events) {
  const ProtocolRule& rule = rules_.Protocol(p.name.library, p.name.name);
  bool is_async = m.attrs.Find("async") != nullptr;
  std::string name = names_.Method(p, m.name);
  std::string protocol = LocalName(p);
  std::string what = "method '" + m.name + "'";
  if (name != m.name) Change(m.loc, what + " renamed '" + name + "' by rule");
  DocHints(m.attrs, m.loc, what);
  std::string strictness = std::string(StrictnessName(style.Of(m))) + " ";
  std::string out = fdfkit::idl::CommentLines(m.comments.leading, "    ") +
                    Attributes(m.attrs, "    ", m.loc, what) + "    " + strictness;
  Json map;
  BanjoMethodNames banjo = BanjoNamesOf(p.name.name, m.name, is_async);
  map["banjo"] = {{"method", m.name}, {"c_ops_member", banjo.c_ops_member},
                  {"cpp_mixin", banjo.cpp_mixin}, {"cpp_client", banjo.cpp_client},
                  {"async", is_async}};
  if (is_async) map["banjo"]["c_callback"] = banjo.c_callback;
  map["fidl"] = nullptr;  // the keys in their order; filled in below
  map["parameters"] = Json::array();
  map["status"] = "none";
  Json parameters = Json::array();
  MemberContext request{.bounds = &rule.bounds, .owner = m.name, .parameters = &parameters,
                        .direction = m.is_event ? "out" : "in",
                        .becomes = m.is_event ? "event" : ""};
  bool two_way = m.has_response;
  std::map<std::string, Translation::Origin::BoundBy> returned_bounds;
  if (m.is_event) {
    out += "-> " + name + Payload(m.response, request) + ";\n";  // an event's payload
  } else {
    // Interfaces folded into events, and data the callee wrote in place, change the request.
    std::map<size_t, std::string> dropped;
    ExtraMembers returned;
    std::string refusal;
    Json returned_rows = Json::array();
    const flat::Struct* s = AnonymousStruct(m.request);
    for (size_t i = 0; s && i < s->members.size(); ++i) {
      const flat::StructMember& member = s->members[i];
      if (FoldsIntoEvents(p, member)) {
        const auto* ifc = static_cast<const flat::Protocol*>(member.type.decl);
        dropped[i] = "events on '" + protocol + "' replace the interface '" + ifc->name.name + "'";
        Change(member.loc, "'" + member.name + "' (" + ifc->name.name + ") dropped: its methods "
                           "are events of '" + protocol + "' (rule: callbacks = events)");
        if (std::find(events->begin(), events->end(), ifc) == events->end()) events->push_back(ifc);
        continue;
      }
      InPlaceData data = InPlace(p, m, member, &returned_rows);
      if (!data.refusal.empty() && refusal.empty()) refusal = data.refusal;
      returned.text += data.members;
      returned.handles |= data.handles;
      returned_bounds.merge(data.bound_by);
    }
    if (!refusal.empty()) {
      // No clone of this method could return what banjo returned: leave it out, say where.
      Decision(m.loc, what + " is not cloned: " + refusal + "; redesign it by hand (return the "
                      "data in the response, as Fuchsia's i2cimpl.Transact does)");
      NotCloned(std::move(map), "refused", refusal, Json::array(), methods);
      return "";
    }
    if (s && !s->members.empty() && dropped.size() == s->members.size() && NothingButStatus(m)) {
      // The method only handed the interface over; its events need no registration.
      Change(m.loc, what + " only registered the interface that became events on '" + protocol +
                        "': it is not cloned");
      Json rows = Json::array();
      for (const auto& [index, reason] : dropped) {
        rows.push_back(Parameter(s->members[index], "in", "dropped"));
        rows.back()["reason"] = reason;
        rows.back().erase("field");
      }
      NotCloned(std::move(map), "replaced_by", "events", std::move(rows), methods);
      return "";
    }
    if (!two_way && !returned.text.empty()) {
      two_way = true;
      Change(m.loc, what + " was one-way, but the callee wrote into the caller's memory: the "
                    "clone is two-way so the new contents come back");
    }
    request.dropped = &dropped;
    out += name + Payload(m.request, request);
    if (two_way) {
      CheckAjarTwoWay(p, style, m);
      out += " -> " + Response(p, m, &map, &parameters, returned);
    }
    out += ";\n";
    for (auto& row : returned_rows) parameters.push_back(std::move(row));
  }
  map["fidl"] = FidlMethodRow(protocol, name,
                              m.is_event ? "event" : two_way ? "two-way" : "one-way", style.Of(m),
                              m.loc, p, m.name);
  out_.origins[protocol + "." + name].returned = std::move(returned_bounds);
  if (is_async) {
    Change(m.loc, "@async '" + m.name + "' → an ordinary two-way method: the reply replaces the "
                  "callback; the server may reply later through completer.ToAsync()");
    parameters.push_back({{"banjo", "callback"}, {"direction", "in"},
                          {"c", {banjo.c_callback + " callback"}}, {"becomes", "dropped"},
                          {"reason", "the reply message replaces the completion callback"}});
    parameters.push_back({{"banjo", "cookie"}, {"direction", "in"}, {"c", {"void* cookie"}},
                          {"becomes", "dropped"},
                          {"reason", "the FIDL transaction identifies the call"}});
  }
  map["parameters"] = std::move(parameters);
  methods->push_back(std::move(map));
  return fdfkit::idl::WithTrailing(out, m.comments.trailing);
}

// The mapping row of a banjo method the clone does not have: `fidl` is null, and `key` says why
// (`refused`: what it would lose; `replaced_by`: what took its place).
void Translator::NotCloned(Json map, const char* key, const std::string& why, Json parameters,
                           Json* methods) {
  map["fidl"] = nullptr;
  map[key] = why;
  map["parameters"] = std::move(parameters);
  map["status"] = "none";
  methods->push_back(std::move(map));
}

// A method of an interface folded into `p`: an event, named with the rules' event prefix.
std::string Translator::Event(const flat::Protocol& p, const ProtocolStyle& style,
                              const flat::Protocol& ifc, const flat::Method& m, Json* methods) {
  const std::string& prefix = rules_.naming.event_prefix;
  std::string name = m.name.starts_with(prefix) ? m.name : prefix + m.name;
  std::string protocol = LocalName(p);
  std::string strictness = std::string(StrictnessName(style.strictness)) + " ";
  std::string what = "method '" + ifc.name.name + "." + m.name + "'";
  DocHints(m.attrs, m.loc, what);
  BanjoMethodNames banjo = BanjoNamesOf(ifc.name.name, m.name, false);
  Json map;
  map["banjo"] = {{"protocol", ifc.name.name}, {"method", m.name},
                  {"c_ops_member", banjo.c_ops_member}, {"cpp_mixin", banjo.cpp_mixin},
                  {"cpp_client", banjo.cpp_client}, {"async", false}};
  const flat::Struct* response = AnonymousStruct(m.has_result_union() ? m.success : m.response);
  if (m.has_response && (m.error || (response && !response->members.empty()))) {
    // An event has no reply: as an event this method would lose what it returned.
    std::string why = "it returned data to the caller, and an event has no reply";
    Decision(m.loc, what + " is not cloned as an event: " + why + ". If the parent needs the "
                    "answer, keep a reverse protocol for this interface (rule \"callbacks\": "
                    "\"reverse-protocol\") or redesign it by hand");
    NotCloned(std::move(map), "refused", why, Json::array(), methods);
    return "";
  }
  std::string out = fdfkit::idl::CommentLines(m.comments.leading, "    ") +
                    Attributes(m.attrs, "    ", m.loc, what) + "    " + strictness + "-> " + name;
  Json parameters = Json::array();
  MemberContext context{.bounds = &rules_.Protocol(ifc.name.library, ifc.name.name).bounds,
                        .owner = m.name, .parameters = &parameters, .direction = "in",
                        .becomes = "event"};
  out += Payload(m.request, context) + ";\n";
  Change(m.loc, what + " → event '" + protocol + "." + name + "'");
  map["fidl"] = FidlMethodRow(protocol, name, "event", style.strictness, m.loc, ifc, m.name);
  map["parameters"] = std::move(parameters);
  map["status"] = "none";
  methods->push_back(std::move(map));
  return fdfkit::idl::WithTrailing(out, m.comments.trailing);
}

// `(struct { ... })` for an anonymous payload, `(Name)` for a named one, `()` for none.
std::string Translator::Payload(const std::optional<flat::Type>& payload,
                                const MemberContext& context, const ExtraMembers& extra) {
  if (payload && !AnonymousStruct(payload)) return "(" + TypeSpelling(*payload, scope_) + ")";
  std::string members = extra.text;
  bool resource = extra.handles;
  if (const flat::Struct* s = AnonymousStruct(payload)) {
    members = StructMembers(*s, context) + extra.text;
    resource |= s->resource;
  }
  if (members.empty()) return "()";
  return std::string("(") + (resource ? "resource struct {\n" : "struct {\n") + members + "})";
}

std::string Translator::Response(const flat::Protocol& p, const flat::Method& m, Json* map,
                                 Json* parameters, const ExtraMembers& extra_members) {
  const ProtocolRule& rule = rules_.Protocol(p.name.library, p.name.name);
  MemberContext context{.bounds = &rule.bounds, .owner = m.name, .parameters = parameters,
                        .direction = "out"};
  if (m.has_result_union() && m.error) {
    (*map)["status"] = "error_syntax";
    return Payload(m.success, context, extra_members) + " error " +
           TypeSpelling(*m.error, scope_);
  }
  if (m.has_result_union()) return Payload(m.success, context, extra_members);  // flexible
  if (const flat::Struct* s = AnonymousStruct(m.response)) {
    context.first_is_return = !s->members.empty() && ReturnedFromC(s->members[0]);
    if (!s->members.empty() && IsStatus(s->members[0])) {
      (*map)["status"] = "error_syntax";
      parameters->push_back({{"banjo", s->members[0].name}, {"direction", "out"},
                             {"c", {"zx_status_t return"}}, {"becomes", "error"},
                             {"reason", "a leading zx.Status becomes `error zx.Status`"}});
      Change(m.loc, "'" + m.name + "': leading status '" + s->members[0].name +
                        "' → error zx.Status");
      usings_.insert("zx");
      context.skip_first = 1;
      context.first_is_return = false;
      return Payload(m.response, context, extra_members) + " error zx.Status";
    }
  }
  return Payload(m.response, context, extra_members);
}

// How fidlgen_banjo spelled the C parameters of one payload member, and where it goes now.
Json Translator::Parameter(const flat::StructMember& m, const std::string& direction,
                           const std::string& becomes) {
  bool out = direction == "out";
  // `@buffer`, and banjo v1's `vector<voidptr>`, which it replaced, are `_buffer`/`_size` in C.
  bool buffer = m.attrs.Find("buffer") != nullptr ||
                (m.type.element && m.type.element->kind == flat::Type::Kind::kPrimitive &&
                 m.type.element->primitive == flat::PrimitiveKind::kVoidptr);
  std::string prefix = out ? "out_" : "";
  std::vector<std::string> c;
  switch (m.type.kind) {
    case flat::Type::Kind::kVector: {
      std::string list = m.name + (buffer ? "_buffer" : "_list");
      std::string count = m.name + (buffer ? "_size" : "_count");
      c = {prefix + list, count};
      // `@callee_allocated`: the callee hands out its own list and says its count
      // (`T** out_x_list, size_t* x_count`): there is no caller buffer to fill, so no actual.
      if (out && m.attrs.Find("callee_allocated") == nullptr) {
        c.push_back("out_" + m.name + "_actual");
      }
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
std::string Translator::Services() {
  std::string out;
  std::set<std::string> existing;
  for (const auto& decl : library_.decls) {
    if (decl->kind != flat::Decl::Kind::kService) continue;
    for (const auto& m : static_cast<const flat::Service&>(*decl).members) {
      if (m.type.decl) existing.insert(m.type.decl->name.name);
    }
  }
  const std::string& service = rules_.naming.service;
  for (const flat::Protocol* p : served_) {
    if (existing.count(p->name.name)) continue;
    std::string protocol = LocalName(*p);
    const ProtocolRule& rule = rules_.Protocol(p->name.library, p->name.name);
    std::string name = rule.service ? *rule.service
                       : served_.size() == 1 && !library_.Lookup(service) ? service
                                                                          : protocol + service;
    std::string member = rule.service_member.value_or(rules_.naming.service_member);
    out += "service " + name + " {\n    " + member + " client_end:" + protocol + ";\n};\n\n";
    // How a migrated client connects: incoming()->Connect<name::member>() (migrate-driver).
    for (Json& row : out_.mapping["protocols"]) {
      if (row["fidl"].value("protocol", "") == protocol) {
        row["fidl"]["service"] = {{"name", name}, {"member", member}};
      }
    }
    Change(p->loc, "added 'service " + name + "' so the parent offers '" + protocol +
                       "' through its outgoing directory (replaces " +
                       BanjoNamesOf(p->name.name).protocol_id + ")");
  }
  return out;
}

}  // namespace fdfkit::protocol
