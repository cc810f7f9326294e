// Declarations and their members: attributes by rule, type spellings, bounds, and the member
// patterns (array + count, handle + offset + size, smuggled pointers, rules hidden in comments).
#include <algorithm>
#include <set>

#include "migrate/idl/formatter.h"
#include "migrate/idl/identifiers.h"
#include "migrate/protocol/member_patterns.h"
#include "migrate/protocol/translator_impl.h"

namespace fdfkit::protocol {
namespace {

// Dropped attributes whose effect the protocol and method notes already describe.
const std::set<std::string> kExplainedElsewhere = {"transport", "banjo_layout", "layout", "async"};

std::string Join(const std::vector<std::string>& items, const std::string& quote) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + quote + item + quote;
  return out;
}

}  // namespace

// Docs and the attributes that still mean something in FIDL; the rules drop the banjo-only ones.
std::string Translator::Attributes(const raw::AttributeList& attrs, const std::string& indent,
                                   llvm::SMLoc loc, const std::string& what,
                                   InPlaceAttribute in_place) {
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
    if (name == "discoverable") continue;  // the protocol translation decides
    const AttributeRule* rule = rules_.Attribute(name);
    if (rule && rule->action == AttributeRule::Action::kDrop) {
      if (loc.isValid() && !rule->note.empty() && !kExplainedElsewhere.count(name)) {
        Change(loc, "@" + name + " on " + what + " dropped: " + rule->note);
      }
      continue;
    }
    if (rule && rule->action == AttributeRule::Action::kDecision) {
      if (!loc.isValid()) continue;
      bool in_place_attribute = name == "in_out" || name == "mutable";
      if (in_place_attribute && in_place == InPlaceAttribute::kNoMemory) {
        Change(loc, "@" + name + " on " + what + " dropped: it had no effect on a client_end or "
                    "handle in banjo either");
      } else if (in_place_attribute && in_place == InPlaceAttribute::kResponse) {
        Change(loc, "@" + name + " on " + what + " dropped: on a response field it only made the "
                    "C callback's pointer non-const");
      } else if (!(in_place_attribute && in_place == InPlaceAttribute::kReturned)) {
        Decision(loc, what + " had @" + name + ": " + rule->note);
      }
      continue;
    }
    if (name == "generated_name") continue;  // the clone declares inline layouts by name
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

std::string Translator::Type(const flat::Type& type, llvm::SMLoc loc, const std::string& what,
                             bool quiet) {
  applied_.clear();
  std::string spelled = TypeSpelling(type, scope_);
  for (size_t i = 0; !quiet && i < applied_.size(); ++i) {
    const TypeRule* rule = rules_.Type(applied_[i]);
    Decision(loc, what + " is `" + applied_[i] + "` in banjo, written as `" +
                      (rule ? rule->to : "uint64") + "`" +
                      (rule && !rule->note.empty() ? ": " + rule->note : ""));
  }
  if (type.kind == flat::Type::Kind::kClientEnd && type.decl &&
      !Migrating(type.decl->name.library)) {
    std::string transport = TransportOf(*type.decl);
    if (transport.empty() || transport == "banjo") {
      Decision(loc, what + " is a client_end of '" + type.decl->name.library + "." +
                        type.decl->name.name + "', still a banjo protocol: migrate '" +
                        type.decl->name.library + "' in the same run (or first)");
    }
  }
  return spelled;
}

std::string Translator::LocalName(const flat::Decl& decl) const {
  auto it = copies_.find(&decl);
  return it == copies_.end() ? names_.Decl(decl) : it->second;
}

void Translator::DocHints(const raw::AttributeList& attrs, llvm::SMLoc loc,
                          const std::string& what) {
  std::vector<std::string> hints = CommentHints(DocText(attrs), rules_.comment_hints);
  if (hints.empty()) return;
  Decision(loc, "the doc comment of " + what + " mentions " + Join(hints, "\"") +
                    ": a rule stated in prose that the types do not carry; check that it still "
                    "holds once the two drivers talk through the clone");
}

std::optional<flat::Type> Translator::Bounded(const flat::Type& type, const MemberContext& context,
                                              const std::string& member, llvm::SMLoc loc,
                                              bool quiet) {
  if (!context.bounds) return std::nullopt;
  auto it = context.bounds->find(context.owner + "." + member);
  if (it == context.bounds->end()) return std::nullopt;
  if (type.kind != flat::Type::Kind::kVector && type.kind != flat::Type::Kind::kString) {
    Decision(loc, "the bound rule '" + it->first + "' names a member that is not a vector or "
                  "string; it was not applied");
    return std::nullopt;
  }
  flat::Type bounded = type;
  bounded.bounded = true;
  bounded.element_count = it->second;
  bounded.size_expr = nullptr;
  bounded.alias = nullptr;
  if (!quiet) {
    Change(loc, "'" + member + "' bounded to " + std::to_string(it->second) + " by rule '" +
                    it->first + "'");
  }
  return bounded;
}

std::string Translator::MemberName(const flat::Member& m) {
  std::string name = fdfkit::idl::FidlIdentifier(m.name);
  if (name != m.name) {
    Change(m.loc, "'" + m.name + "' written '" + name + "': a FIDL name starts with a letter");
  }
  return name;
}

std::string Translator::Decl(const flat::Decl& decl) {
  std::string name = LocalName(decl);
  std::string what = "'" + decl.name.name + "'";
  DocHints(decl.attrs, decl.loc, what);
  std::string out = fdfkit::idl::CommentLines(decl.comments.leading, "") +
                    Attributes(decl.attrs, "", decl.loc, what);
  return fdfkit::idl::WithTrailing(out + DeclBody(decl, name, what), decl.comments.trailing) + "\n" +
         EnumAliasConstants(decl, name);
}

// The declaration from its keyword to its `;` line.
std::string Translator::DeclBody(const flat::Decl& decl, const std::string& name,
                                 const std::string& what) {
  std::string out;
  if (name != decl.name.name && !copies_.count(&decl)) {
    bool respelled = name == fdfkit::idl::FidlIdentifier(decl.name.name);
    Change(decl.loc, what + (respelled ? " written '" + name + "': a FIDL name starts with a letter"
                                       : " renamed '" + name + "' by rule"));
  }
  const LibraryRule& library_rule = rules_.Library(decl.name.library);
  switch (decl.kind) {
    case flat::Decl::Kind::kConst: {
      const auto& c = static_cast<const flat::Const&>(decl);
      return "const " + name + " " + Type(c.type, decl.loc, "constant " + what) + " = " +
             ConstantSpelling(c.value_expr, c.value, scope_) + ";\n";
    }
    case flat::Decl::Kind::kAlias:
      return "alias " + name + " = " +
             Type(static_cast<const flat::Alias&>(decl).target, decl.loc, "alias " + what) + ";\n";
    case flat::Decl::Kind::kEnum:
    case flat::Decl::Kind::kBits: {
      const auto& e = static_cast<const flat::Enum&>(decl);
      if (e.members.empty()) {
        // Banjo v1 named an integer type with an empty enum; FIDL rejects an empty strict enum.
        Change(decl.loc, what + " was an empty " + (decl.kind == flat::Decl::Kind::kEnum ? "enum" : "bits") +
                             ", banjo's way to name an integer type: it is now 'alias " + name +
                             " = " + flat::PrimitiveName(e.subtype) + "'");
        return "alias " + name + " = " + flat::PrimitiveName(e.subtype) + ";\n";
      }
      out += "type " + name + " = " + (e.strict ? "strict " : "flexible ") +
             (decl.kind == flat::Decl::Kind::kEnum ? "enum" : "bits") + " : " +
             flat::PrimitiveName(e.subtype) + " {\n";
      for (const auto& m : e.members) {
        if (e.aliases.count(m.name)) continue;  // written as constants after the enum
        out += fdfkit::idl::CommentLines(m.comments.leading, "    ") +
               Attributes(m.attrs, "    ", m.loc, "'" + m.name + "'");
        out += fdfkit::idl::WithTrailing("    " + MemberName(m) + " = " +
                                             ConstantSpelling(m.value_expr, m.value, scope_) + ";\n",
                                         m.comments.trailing);
      }
      return out + Closing(decl) + "};\n";
    }
    case flat::Decl::Kind::kStruct: {
      const auto& s = static_cast<const flat::Struct&>(decl);
      MemberContext context{.bounds = &library_rule.bounds, .owner = decl.name.name};
      return "type " + name + " = " + (s.resource ? "resource struct {\n" : "struct {\n") +
             StructMembers(s, context) + Closing(decl) + "};\n";
    }
    case flat::Decl::Kind::kUnion:
    case flat::Decl::Kind::kTable:
      return "type " + name + " = " + EnvelopeBody(decl) + ";\n";
    case flat::Decl::Kind::kProtocol:
      return Protocol(static_cast<const flat::Protocol&>(decl));
    case flat::Decl::Kind::kService: {
      out += "service " + name + " {\n";
      for (const auto& m : static_cast<const flat::Service&>(decl).members) {
        out += fdfkit::idl::CommentLines(m.comments.leading, "    ") +
               fdfkit::idl::WithTrailing("    " + MemberName(m) + " " +
                                             Type(m.type, m.loc, "service member") + ";\n",
                                         m.comments.trailing);
      }
      return out + Closing(decl) + "};\n";
    }
    case flat::Decl::Kind::kResource: return "";
  }
  return "";
}

std::string Translator::Closing(const flat::Decl& decl) {
  return fdfkit::idl::CommentLines(decl.closing, "    ", /*closing=*/true);
}

// Banjo let enum members repeat a value; modern FIDL does not, so each alias becomes a constant
// of the enum's type that names the member it repeats.
std::string Translator::EnumAliasConstants(const flat::Decl& decl, const std::string& name) {
  if (decl.kind != flat::Decl::Kind::kEnum && decl.kind != flat::Decl::Kind::kBits) return "";
  const auto& e = static_cast<const flat::Enum&>(decl);
  std::string out;
  for (const auto& m : e.members) {
    auto alias = e.aliases.find(m.name);
    if (alias == e.aliases.end()) continue;
    std::string constant = fdfkit::idl::FidlIdentifier(m.name);
    out += fdfkit::idl::CommentLines(m.comments.leading, "") + Attributes(m.attrs, "", m.loc, "'" + m.name + "'");
    out += fdfkit::idl::WithTrailing("const " + constant + " " + name + " = " + name + "." +
                                         fdfkit::idl::FidlIdentifier(alias->second) + ";\n",
                                     m.comments.trailing) +
           "\n";
    const char* kind = decl.kind == flat::Decl::Kind::kEnum ? "enum" : "bits";
    Change(m.loc, std::string(kind) + " member '" + m.name + "' repeats the value of '" +
                      alias->second + "': modern FIDL's cannot, so it is the constant '" +
                      constant + "'");
  }
  return out;
}

std::string Translator::StructMembers(const flat::Struct& s, const MemberContext& context) {
  const Naming& naming = rules_.naming;
  std::map<size_t, const ArrayCountPair*> arrays;
  std::map<size_t, const ArrayCountPair*> counts;
  std::vector<ArrayCountPair> pairs = FindArrayCountPairs(s.members, naming);
  for (const ArrayCountPair& pair : pairs) {
    if (pair.array < context.skip_first || pair.count < context.skip_first) continue;
    arrays[pair.array] = &pair;
    counts[pair.count] = &pair;
  }
  for (const HandleRange& r : FindHandleRanges(s.members, naming)) {
    const auto& m = s.members;
    Decision(m[r.handle].loc, "'" + m[r.handle].name + "', '" + m[r.offset].name + "' and '" +
                                  m[r.size].name + "' describe one memory range: consider a "
                                  "struct like fuchsia.mem.Range { vmo zx.Handle:VMO; offset "
                                  "uint64; size uint64; } so the three travel together");
  }
  for (const PresenceFlag& f : FindPresenceFlags(s.members)) {
    const auto& m = s.members;
    Decision(m[f.flag].loc, "'" + m[f.flag].name + "' says whether '" + m[f.value].name +
                                "' is set: FIDL says that with the type itself (a table field, or "
                                "`box<T>`/`:optional`); consider dropping the flag");
  }
  std::set<size_t> quiet;
  for (const SmuggledPointer& p : FindSmuggledPointers(s.members, naming)) {
    const auto& m = s.members[p.member];
    quiet.insert(p.member);
    if (p.count) {
      Decision(m.loc, "'" + m.name + "' with '" + s.members[*p.count].name + "' looks like a C "
                      "array passed as pointer + length (the pointer smuggled in an integer): "
                      "replace both with `vector<T>:N` of the elements");
    } else {
      Decision(m.loc, "'" + m.name + "' looks like it holds an address: a pointer means nothing "
                      "to another driver's memory on the driver transport; send the data (a "
                      "vector or struct) or a handle (a VMO) instead");
    }
  }
  std::string out;
  for (size_t i = context.skip_first; i < s.members.size(); ++i) {
    const flat::StructMember& m = s.members[i];
    std::string what = "'" + m.name + "'";
    std::string drop_reason;
    if (context.dropped && context.dropped->count(i)) {
      drop_reason = context.dropped->at(i);
    } else if (counts.count(i)) {
      drop_reason = "the vector '" + counts[i]->vector_name + "' carries its own length";
    }
    if (!drop_reason.empty()) {
      if (context.parameters) {
        context.parameters->push_back(Parameter(m, context.direction, "dropped"));
        context.parameters->back()["reason"] = drop_reason;
        context.parameters->back().erase("field");
      }
      continue;
    }
    DocHints(m.attrs, m.loc, what);
    bool no_memory = m.type.kind == flat::Type::Kind::kClientEnd ||
                     m.type.kind == flat::Type::Kind::kServerEnd ||
                     m.type.kind == flat::Type::Kind::kHandle;
    InPlaceAttribute in_place = no_memory                          ? InPlaceAttribute::kNoMemory
                                : context.direction == "out"       ? InPlaceAttribute::kResponse
                                : returned_in_place_.count(&m) > 0 ? InPlaceAttribute::kReturned
                                                                   : InPlaceAttribute::kDecide;
    out += fdfkit::idl::CommentLines(m.comments.leading, "    ") +
           Attributes(m.attrs, "    ", m.loc, what, in_place);
    std::string name = MemberName(m), spelled;
    if (arrays.count(i)) {
      const ArrayCountPair& pair = *arrays[i];
      name = pair.vector_name;
      spelled = "vector<" + Type(*m.type.element, m.loc, "elements of " + what) + ">:" +
                (m.type.size_expr ? ConstantSpelling(*m.type.size_expr, scope_)
                                  : std::to_string(m.type.element_count));
      Change(m.loc, "array " + what + " with count '" + s.members[pair.count].name +
                        "' → bounded `" + spelled + "` '" + name + "'");
    } else {
      std::optional<flat::Type> bounded = Bounded(m.type, context, m.name, m.loc);
      spelled = Type(bounded ? *bounded : m.type, m.loc, "member " + what, quiet.count(i) > 0);
    }
    std::string line = "    " + name + " " + spelled;
    if (m.default_value) line += " = " + ConstantSpelling(m.default_expr, *m.default_value, scope_);
    out += fdfkit::idl::WithTrailing(line + ";\n", m.comments.trailing);
    if (context.parameters) {
      std::string becomes = !context.becomes.empty()     ? context.becomes
                            : context.direction == "in" ? "request"
                                                        : "response";
      context.parameters->push_back(Parameter(m, context.direction, becomes));
      context.parameters->back()["field"] = name;
      if (context.first_is_return && i == 0) {  // fidlgen_banjo returned it from the C function
        context.parameters->back()["c"] = Json::array({CTypeName(m.type) + " return"});
      }
    }
  }
  return out;
}

std::string Translator::EnvelopeBody(const flat::Decl& decl) {
  bool is_union = decl.kind == flat::Decl::Kind::kUnion;
  const auto& members = is_union ? static_cast<const flat::Union&>(decl).members
                                 : static_cast<const flat::Table&>(decl).members;
  MemberContext context{.bounds = &rules_.Library(decl.name.library).bounds,
                        .owner = decl.name.name};
  std::string out;
  if (is_union) out += static_cast<const flat::Union&>(decl).strict ? "strict " : "flexible ";
  if (flat::IsResource(decl)) out += "resource ";
  out += is_union ? "union {\n" : "table {\n";
  for (const auto& m : members) {
    std::string what = "'" + m.name + "'";
    DocHints(m.attrs, m.loc, what);
    out += fdfkit::idl::CommentLines(m.comments.leading, "    ") +
           Attributes(m.attrs, "    ", m.loc, what);
    std::string line = "    " + std::to_string(m.ordinal) + ": ";
    if (m.type) {
      std::optional<flat::Type> bounded = Bounded(*m.type, context, m.name, m.loc);
      line += MemberName(m) + " " + Type(bounded ? *bounded : *m.type, m.loc, "member " + what);
    } else {
      line += "reserved";
    }
    out += fdfkit::idl::WithTrailing(line + ";\n", m.comments.trailing);
  }
  return out + Closing(decl) + "}";
}

}  // namespace fdfkit::protocol
