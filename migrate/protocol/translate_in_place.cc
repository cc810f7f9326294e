// Data a banjo callee wrote in place through the caller's pointers (`@in_out`, `@mutable`). The
// driver transport shares no memory between the two drivers, so the clone returns that data in
// the response, or refuses the method: never a clone that cannot return what banjo returned.
//   - a parameter marked in place comes back whole under its own name;
//   - in-place fields of a struct parameter come back as `<parameter>_<field>`;
//   - in-place fields of the elements of a vector or array parameter come back as a vector (or
//     array) of the same bound, one element per request element, in order, of a struct holding
//     those fields (Fuchsia's i2cimpl: `read vector<ReadData>:MAX`; the rules name field and type);
//   - anything deeper is refused, with a located decision.
#include "migrate/idl/identifiers.h"
#include "migrate/protocol/translator_impl.h"

namespace fdfkit::protocol {
namespace {

bool HasMemory(const flat::Type& type) {
  return type.kind != flat::Type::Kind::kClientEnd && type.kind != flat::Type::Kind::kServerEnd &&
         type.kind != flat::Type::Kind::kHandle;
}

// The struct a type holds by value or in a box; nullptr for anything else.
const flat::Struct* StructOf(const flat::Type& type) {
  const flat::Type* t = type.kind == flat::Type::Kind::kBox && type.element ? type.element.get() : &type;
  if (t->kind != flat::Type::Kind::kIdentifier || !t->decl ||
      t->decl->kind != flat::Decl::Kind::kStruct) {
    return nullptr;
  }
  return static_cast<const flat::Struct*>(t->decl);
}

// The element struct of a vector or array; nullptr for anything else.
const flat::Struct* ElementStructOf(const flat::Type& type) {
  if ((type.kind != flat::Type::Kind::kVector && type.kind != flat::Type::Kind::kArray) ||
      !type.element) {
    return nullptr;
  }
  return StructOf(*type.element);
}

std::vector<const flat::StructMember*> InPlaceFields(const flat::Struct& s) {
  std::vector<const flat::StructMember*> out;
  for (const flat::StructMember& m : s.members) {
    if (IsInPlace(m)) out.push_back(&m);
  }
  return out;
}

// Whether in-place data hides deeper than the clone can return it: inside a struct or vector
// element that is itself a field of `s`, or in a union or table.
const flat::StructMember* HiddenInPlace(const flat::Struct& s, int depth) {
  if (depth > 8) return nullptr;  // recursive layouts: nothing new below
  for (const flat::StructMember& m : s.members) {
    if (IsInPlace(m)) continue;
    for (const flat::Struct* inner : {StructOf(m.type), ElementStructOf(m.type)}) {
      if (!inner) continue;
      if (!InPlaceFields(*inner).empty()) return &m;
      if (const flat::StructMember* deeper = HiddenInPlace(*inner, depth + 1)) return deeper;
    }
  }
  return nullptr;
}

// The parameter of `m` that hands the callee a completion callback (a ddk-callback protocol):
// the callee keeps the caller's memory, and writes into it, until it calls back.
const flat::StructMember* CompletionCallback(const flat::Method& m) {
  const flat::Struct* s = AnonymousStruct(m.request);
  if (!s) return nullptr;
  for (const flat::StructMember& member : s->members) {
    if (member.type.kind == flat::Type::Kind::kClientEnd && member.type.decl &&
        LayoutOf(static_cast<const flat::Protocol&>(*member.type.decl)) == "ddk-callback") {
      return &member;
    }
  }
  return nullptr;
}

// `base`, or `base` + "_" + a number, whichever `taken` does not hold.
std::string FreeMemberName(const std::string& base, const std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; taken.count(name); ++n) name = base + "_" + std::to_string(n);
  return name;
}

// The names a method's response already uses: its own members and the fields returned so far.
std::set<std::string> ResponseNames(const flat::Method& m, const Json& returned_rows) {
  std::set<std::string> taken;
  if (const flat::Struct* s = AnonymousStruct(m.response)) {
    for (const flat::StructMember& member : s->members) {
      taken.insert(fdfkit::idl::FidlIdentifier(member.name));
    }
  }
  for (const Json& row : returned_rows) taken.insert(row.value("field", ""));
  return taken;
}

}  // namespace

std::string Translator::FreeDeclName(const std::string& base, const std::string& members) const {
  auto taken = [&](const std::string& name) {
    if (auto it = in_place_types_.find(name); it != in_place_types_.end()) return it->second != members;
    for (const auto& decl : library_.decls) {
      if (decl->name.name == name || LocalName(*decl) == name) return true;
    }
    return false;
  };
  std::string name = base;
  for (int n = 2; taken(name); ++n) name = base + std::to_string(n);
  return name;
}

bool IsInPlace(const flat::StructMember& m) {
  return (m.attrs.Find("in_out") || m.attrs.Find("mutable")) && HasMemory(m.type);
}

InPlacePlan PlanInPlace(const flat::Protocol& p, const flat::Method& m,
                        const flat::StructMember& parameter) {
  InPlacePlan plan;
  const flat::Struct* whole = StructOf(parameter.type);
  const flat::Struct* element = ElementStructOf(parameter.type);
  const flat::Struct* holder = whole ? whole : element;
  std::vector<const flat::StructMember*> fields;
  if (holder) fields = InPlaceFields(*holder);
  if (!IsInPlace(parameter) && fields.empty() && !(holder && HiddenInPlace(*holder, 0))) {
    return plan;  // nothing written in place
  }
  // Writes that a completion callback, or the call itself, hands back: not the reply's to carry.
  if (LayoutOf(p) == "ddk-callback") {
    plan.kind = InPlacePlan::Kind::kDeferred;
    plan.detail = "the call itself hands it to the callee, who owns it from then on";
    return plan;
  }
  if (const flat::StructMember* callback = CompletionCallback(m)) {
    plan.kind = InPlacePlan::Kind::kDeferred;
    plan.detail = "the callee writes it until it calls '" + callback->name +
                  "', which hands it back";
    return plan;
  }
  if (IsInPlace(parameter) || (whole && AlreadyReturned(m, parameter))) {
    plan.returned = AlreadyReturned(m, parameter);
    plan.kind = plan.returned ? InPlacePlan::Kind::kAlreadyReturned : InPlacePlan::Kind::kWhole;
    plan.fields = fields;  // covered by returning the whole parameter
    return plan;
  }
  if (const flat::StructMember* hidden = HiddenInPlace(*holder, 0)) {
    plan.kind = InPlacePlan::Kind::kRefused;
    plan.detail = "'" + parameter.name + "' holds data the callee writes in place below '" +
                  hidden->name + "', deeper than a response field can return it";
    return plan;
  }
  plan.kind = whole ? InPlacePlan::Kind::kStructFields : InPlacePlan::Kind::kElementFields;
  plan.holder = holder;
  plan.fields = std::move(fields);
  return plan;
}

InPlaceData Translator::InPlace(const flat::Protocol& p, const flat::Method& m,
                                const flat::StructMember& parameter, Json* parameters) {
  const ProtocolRule& rule = rules_.Protocol(p.name.library, p.name.name);
  InPlaceData out;
  auto add_row = [&](const std::string& banjo, const std::string& field, const std::string& why) {
    parameters->push_back({{"banjo", banjo}, {"direction", "out"}, {"c", Json::array()},
                           {"becomes", "response"}, {"field", field}, {"reason", why}});
  };
  MemberContext request_bounds{.bounds = &rule.bounds, .owner = m.name};
  InPlacePlan plan = PlanInPlace(p, m, parameter);
  const std::vector<const flat::StructMember*>& fields = plan.fields;
  switch (plan.kind) {
    case InPlacePlan::Kind::kNone:
      return out;
    case InPlacePlan::Kind::kDeferred:
      Decision(parameter.loc, "'" + parameter.name + "' is written in place, but " + plan.detail +
                                  ": the reply does not carry it; check that the callback's own "
                                  "clone returns the new contents");
      return out;
    case InPlacePlan::Kind::kRefused:
      out.refusal = plan.detail;
      return out;
    case InPlacePlan::Kind::kAlreadyReturned:
      Change(parameter.loc, "'" + parameter.name + "' was written in place; the response already "
                            "returns it as '" + plan.returned->name + "'");
      return out;
    case InPlacePlan::Kind::kWhole: {
      std::string name = FreeMemberName(fdfkit::idl::FidlIdentifier(parameter.name),
                                        ResponseNames(m, *parameters));
      std::optional<flat::Type> bounded = Bounded(parameter.type, request_bounds, parameter.name,
                                                  parameter.loc, /*quiet=*/true);
      out.members += "    " + name + " " +
                     Type(bounded ? *bounded : parameter.type, parameter.loc, "", true) + ";\n";
      out.bound_by[name] = {"", m.name + "." + parameter.name};
      out.handles = parameter.type.shape.max_handles > 0;
      add_row(parameter.name, name, "the callee wrote it in place");
      Change(parameter.loc, "'" + parameter.name + "' was written in place: it is now also a "
                            "response field, so the new contents come back explicitly");
      return out;
    }
    case InPlacePlan::Kind::kStructFields:
      for (const flat::StructMember* f : fields) {
        std::string name = FreeMemberName(fdfkit::idl::FidlIdentifier(parameter.name + "_" + f->name),
                                          ResponseNames(m, *parameters));
        const flat::Struct& whole = *StructOf(parameter.type);
        MemberContext field_bounds{.bounds = &rules_.Library(whole.name.library).bounds,
                                   .owner = whole.name.name};
        std::optional<flat::Type> bounded = Bounded(f->type, field_bounds, f->name, f->loc,
                                                    /*quiet=*/true);
        out.members += "    " + name + " " + Type(bounded ? *bounded : f->type, f->loc, "", true) +
                       ";\n";
        out.bound_by[name] = {whole.name.library, whole.name.name + "." + f->name};
        out.handles |= f->type.shape.max_handles > 0;
        add_row(parameter.name + "." + f->name, name, "the callee wrote it in place");
        Change(f->loc, "'" + parameter.name + "." + f->name + "' was written in place: the "
                       "response returns it as '" + name + "'");
      }
      return out;
    case InPlacePlan::Kind::kElementFields:
      break;
  }
  const flat::Struct* holder = plan.holder;
  // Fields of every element: a vector of structs that hold them, one per request element.
  // Names the rules give are the user's; derived ones step aside from names already taken.
  auto named = rule.in_place.find(m.name + "." + parameter.name);
  std::string holder_members;
  bool handles = false;
  // The element struct's bound rules bound its fields here too.
  MemberContext bounds{.bounds = &rules_.Library(holder->name.library).bounds,
                       .owner = holder->name.name};
  for (const flat::StructMember* f : fields) {
    std::optional<flat::Type> bounded = Bounded(f->type, bounds, f->name, f->loc, /*quiet=*/true);
    holder_members += "    " + fdfkit::idl::FidlIdentifier(f->name) + " " +
                      Type(bounded ? *bounded : f->type, f->loc, "", true) + ";\n";
    handles |= f->type.shape.max_handles > 0;
  }
  std::string type_name =
      named != rule.in_place.end() ? named->second.type
      : FreeDeclName(fields.size() == 1 ? LocalName(*holder) + flat::UpperCamel(fields[0]->name)
                                        : LocalName(*holder) + "Written",
                     holder_members);
  std::string field =
      named != rule.in_place.end()
          ? named->second.field
          : FreeMemberName(fdfkit::idl::FidlIdentifier(
                               parameter.name + "_" + (fields.size() == 1 ? fields[0]->name : "written")),
                           ResponseNames(m, *parameters));
  out_.synthesized[type_name] = holder->name.name;
  if (!in_place_types_.count(type_name)) {
    in_place_types_.emplace(type_name, holder_members);
    pending_declarations_ += "/// The fields of one '" + parameter.name +
                             "' element that the callee wrote in place.\n" + "type " + type_name + " = " + (handles ? "resource " : "") +
                             "struct {\n" + holder_members + "};\n\n";
  }
  // The request's bound, spelled as the request spells it, or as its rule bounds it.
  std::optional<flat::Type> bounded_request = Bounded(parameter.type, request_bounds,
                                                      parameter.name, parameter.loc, /*quiet=*/true);
  flat::Type returned = bounded_request ? *bounded_request : parameter.type;
  out.bound_by[field] = {"", m.name + "." + parameter.name};
  std::string bound = returned.kind == flat::Type::Kind::kArray
                          ? std::to_string(returned.element_count)
                          : "MAX";
  if (returned.size_expr) bound = ConstantSpelling(*returned.size_expr, scope_);
  else if (returned.bounded) bound = std::to_string(returned.element_count);
  out.members += "    " + field + " " +
                 (returned.kind == flat::Type::Kind::kArray ? "array<" + type_name + ", " + bound + ">"
                                                            : "vector<" + type_name + ">:" + bound) +
                 ";\n";
  out.handles = handles;
  std::string list;
  for (const flat::StructMember* f : fields) list += (list.empty() ? "'" : ", '") + f->name + "'";
  add_row(parameter.name + "[]." + fields[0]->name, field,
          "one " + type_name + " per element of '" + parameter.name + "', in order: the callee "
          "wrote " + list + " of that element in place");
  Change(m.loc, "the callee of '" + m.name + "' wrote " + list + " of each '" + parameter.name +
                    "' element in place: the response returns them as '" + field + "', one " +
                    type_name + " per element, in order");
  return out;
}

}  // namespace fdfkit::protocol
