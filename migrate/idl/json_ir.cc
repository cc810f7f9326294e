#include "json_ir.h"

namespace fdf_idl {
namespace {

using Json = nlohmann::ordered_json;

// Appends a key the caller knows is new. ordered_json's operator[] searches the keys linearly
// first, which made large objects (the `declarations` index) quadratic.
void Put(Json& object, const char* key, Json value) {
  if (!object.is_object()) object = Json::object();
  object.get_ref<Json::object_t&>().Container::emplace_back(key, std::move(value));
}
void Put(Json& object, const std::string& key, Json value) { Put(object, key.c_str(), std::move(value)); }

class IrWriter {
 public:
  IrWriter(const flat::Library& library, const SourceFiles& files)
      : library_(library), files_(files) {}

  Json Write() {
    Json out;
    out["schema"] = kIrSchema;
    out["name"] = library_.name;
    out["dialect"] = raw::DialectName(library_.dialect);
    out["files"] = library_.files;
    out["attributes"] = Attributes(library_.attrs);
    Json dependencies = Json::array();
    for (const flat::Library* dependency : library_.dependencies) {
      Json declarations = Json::object();
      for (const auto& d : dependency->decls) Put(declarations, d->name.Full(), flat::DeclKindName(d->kind));
      dependencies.push_back({{"name", dependency->name}, {"declarations", std::move(declarations)}});
    }
    out["library_dependencies"] = std::move(dependencies);
    const char* groups[] = {"const", "alias", "enum", "bits", "struct", "table", "union",
                            "protocol", "service"};
    for (const char* group : groups) out[std::string(group) + "_declarations"] = Json::array();
    for (const auto& decl : library_.decls) {
      if (decl->kind == flat::Decl::Kind::kResource) continue;
      out[std::string(flat::DeclKindName(decl->kind)) + "_declarations"].push_back(Decl(*decl));
    }
    Json order = Json::array();
    for (const flat::Decl* d : library_.declaration_order) order.push_back(d->name.Full());
    out["declaration_order"] = std::move(order);
    Json declarations = Json::object();
    for (const auto& d : library_.decls) Put(declarations, d->name.Full(), flat::DeclKindName(d->kind));
    out["declarations"] = std::move(declarations);
    return out;
  }

 private:
  Json Location(llvm::SMLoc loc) const {
    auto [line, column] = files_.LineAndColumn(loc);
    Json out = Json::object();
    Put(out, "filename", std::string(files_.FileOf(loc)));
    Put(out, "line", line);
    Put(out, "column", column);
    return out;
  }

  static Json ConstantJson(const raw::Constant& c) {
    const char* kinds[] = {"number", "string", "bool", "identifier", "or"};
    Json out = {{"kind", kinds[static_cast<int>(c.kind)]}, {"value", c.text}};
    if (c.kind == raw::Constant::Kind::kOr) {
      out["value"] = "";
      Json operands = Json::array();
      for (const raw::Constant& operand : c.operands) operands.push_back(ConstantJson(operand));
      out["operands"] = std::move(operands);
    }
    return out;
  }

  // Attributes as written (`Layout`, `BanjoLayout`, `banjo_layout` stay distinct) with their
  // canonical snake_case name next to them; `///` comments are `doc` attributes.
  static Json Attributes(const raw::AttributeList& attrs) {
    Json out = Json::array();
    for (const raw::Attribute& a : attrs.items) {
      Json args = Json::array();
      for (const raw::AttributeArg& arg : a.args) {
        Json value = ConstantJson(arg.value);
        args.push_back({{"name", arg.name.empty() ? "value" : arg.name}, {"value", std::move(value)}});
      }
      out.push_back({{"name", a.name},
                     {"canonical_name", raw::CanonicalAttributeName(a.name)},
                     {"arguments", std::move(args)}});
    }
    return out;
  }

  static std::string Doc(const raw::AttributeList& attrs) {
    std::string doc;
    for (const raw::Attribute& a : attrs.items) {
      if (a.name == "doc" && !a.args.empty()) doc += a.args[0].value.text + "\n";
    }
    return doc;
  }

  static Json Shape(const flat::TypeShape& shape) {
    Json out = Json::object();
    Put(out, "inline_size", shape.inline_size);
    Put(out, "alignment", shape.alignment);
    Put(out, "depth", shape.depth);
    Put(out, "max_handles", shape.max_handles);
    Put(out, "max_out_of_line", shape.max_out_of_line);
    Put(out, "has_padding", shape.has_padding);
    Put(out, "has_flexible_envelope", shape.has_flexible_envelope);
    return out;
  }

  static Json Type(const flat::Type& type) {
    Json out = {{"kind", flat::TypeKindName(type.kind)}};
    switch (type.kind) {
      case flat::Type::Kind::kPrimitive:
        out["subtype"] = flat::PrimitiveName(type.primitive);
        break;
      case flat::Type::Kind::kString:
      case flat::Type::Kind::kVector:
        if (type.element) out["element_type"] = Type(*type.element);
        if (type.bounded) out["maybe_element_count"] = type.element_count;
        out["nullable"] = type.nullable;
        break;
      case flat::Type::Kind::kArray:
        out["element_type"] = Type(*type.element);
        out["element_count"] = type.element_count;
        break;
      case flat::Type::Kind::kBox:
        out["element_type"] = Type(*type.element);
        out["nullable"] = true;
        break;
      case flat::Type::Kind::kHandle:
        out["resource_identifier"] = type.decl ? type.decl->name.Full() : "zx/Handle";
        out["subtype"] = type.handle_subtype.empty() ? "NONE" : type.handle_subtype;
        out["obj_type"] = type.handle_object_type;
        out["rights"] = type.handle_rights.value_or(0x80000000u);  // same rights
        out["nullable"] = type.nullable;
        break;
      case flat::Type::Kind::kClientEnd:
      case flat::Type::Kind::kServerEnd:
        out["protocol"] = type.decl ? type.decl->name.Full() : "";
        out["nullable"] = type.nullable;
        break;
      case flat::Type::Kind::kIdentifier:
        out["identifier"] = type.decl ? type.decl->name.Full() : "";
        out["nullable"] = type.nullable;
        break;
    }
    out["type_shape_v2"] = Shape(type.shape);
    return out;
  }

  Json Common(const flat::Decl& decl) const {
    Json out = {{"name", decl.name.Full()}, {"location", Location(decl.loc)}};
    if (decl.anonymous) out["is_anonymous"] = true;
    out["attributes"] = Attributes(decl.attrs);
    if (std::string doc = Doc(decl.attrs); !doc.empty()) out["doc"] = doc;
    return out;
  }

  Json MemberCommon(const flat::Member& m) const {
    Json out = {{"name", m.name}, {"location", Location(m.loc)}};
    out["attributes"] = Attributes(m.attrs);
    return out;
  }

  Json Envelopes(const std::vector<flat::EnvelopeMember>& members) const {
    Json out = Json::array();
    for (const auto& m : members) {
      Json member = MemberCommon(m);
      member["ordinal"] = m.ordinal;
      member["reserved"] = !m.type.has_value();
      if (m.type) member["type"] = Type(*m.type);
      out.push_back(std::move(member));
    }
    return out;
  }

  static Json Value(const flat::ConstantValue& value, const std::string& expression) {
    const char* kinds[] = {"integer", "float", "bool", "string"};
    return {{"kind", kinds[static_cast<int>(value.kind)]},
            {"value", value.ToString()},
            {"expression", expression}};
  }

  Json Message(const std::optional<flat::TypeShape>& body) const {
    Json out = {{"header_size", flat::kTransactionalHeaderSize}};
    if (body) out["body"] = Shape(*body);
    uint64_t max = flat::MaxMessageSize(body);
    out["max_message_size"] = max == UINT64_MAX ? Json("unbounded") : Json(max);
    return out;
  }

  Json Decl(const flat::Decl& decl) const {
    Json out = Common(decl);
    switch (decl.kind) {
      case flat::Decl::Kind::kConst: {
        const auto& c = static_cast<const flat::Const&>(decl);
        out["type"] = Type(c.type);
        out["value"] = Value(c.value, c.expression);
        break;
      }
      case flat::Decl::Kind::kAlias:
        out["type"] = Type(static_cast<const flat::Alias&>(decl).target);
        break;
      case flat::Decl::Kind::kEnum:
      case flat::Decl::Kind::kBits: {
        const auto& e = static_cast<const flat::Enum&>(decl);
        out["type"] = flat::PrimitiveName(e.subtype);
        out["strict"] = e.strict;
        if (decl.kind == flat::Decl::Kind::kBits) out["mask"] = std::to_string(e.mask);
        Json members = Json::array();
        for (const auto& m : e.members) {
          Json member = MemberCommon(m);
          member["value"] = Value(m.value, m.value.ToString());
          members.push_back(std::move(member));
        }
        out["members"] = std::move(members);
        out["type_shape_v2"] = Shape(e.shape);
        break;
      }
      case flat::Decl::Kind::kStruct: {
        const auto& s = static_cast<const flat::Struct&>(decl);
        out["resource"] = s.resource;
        Json members = Json::array();
        for (const auto& m : s.members) {
          Json member = MemberCommon(m);
          member["type"] = Type(m.type);
          member["field_shape_v2"] = {{"offset", m.offset}, {"padding", m.padding}};
          if (m.default_value) member["maybe_default_value"] = Value(*m.default_value, "");
          members.push_back(std::move(member));
        }
        out["members"] = std::move(members);
        out["type_shape_v2"] = Shape(s.shape);
        break;
      }
      case flat::Decl::Kind::kUnion: {
        const auto& u = static_cast<const flat::Union&>(decl);
        out["strict"] = u.strict;
        out["resource"] = u.resource;
        out["is_result"] = u.is_result;
        out["members"] = Envelopes(u.members);
        out["type_shape_v2"] = Shape(u.shape);
        break;
      }
      case flat::Decl::Kind::kTable: {
        const auto& t = static_cast<const flat::Table&>(decl);
        out["resource"] = t.resource;
        out["members"] = Envelopes(t.members);
        out["type_shape_v2"] = Shape(t.shape);
        break;
      }
      case flat::Decl::Kind::kProtocol: Protocol(static_cast<const flat::Protocol&>(decl), &out); break;
      case flat::Decl::Kind::kService: {
        Json members = Json::array();
        for (const auto& m : static_cast<const flat::Service&>(decl).members) {
          Json member = MemberCommon(m);
          member["type"] = Type(m.type);
          members.push_back(std::move(member));
        }
        out["members"] = std::move(members);
        break;
      }
      case flat::Decl::Kind::kResource: break;
    }
    return out;
  }

  void Protocol(const flat::Protocol& p, Json* out) const {
    (*out)["openness"] = flat::OpennessName(p.openness);
    Json composed = Json::array();
    for (const flat::Protocol* c : p.composed) composed.push_back({{"name", c->name.Full()}});
    (*out)["composed_protocols"] = std::move(composed);
    Json methods = Json::array();
    for (const flat::Method* m : p.all_methods) {
      Json method = MemberCommon(*m);
      method["kind"] = m->is_event ? "event" : m->has_response ? "two_way" : "one_way";
      method["ordinal"] = m->ordinal;
      method["selector"] = m->selector;
      method["strict"] = m->strict;
      method["is_composed"] = m->declared_in != &p;
      method["has_request"] = m->has_request;
      if (m->request) method["maybe_request_payload"] = Type(*m->request);
      method["has_response"] = m->has_response;
      if (m->response) method["maybe_response_payload"] = Type(*m->response);
      method["has_error"] = m->error.has_value();
      if (m->success) method["maybe_response_success_type"] = Type(*m->success);
      if (m->error) method["maybe_response_err_type"] = Type(*m->error);
      if (m->has_request) method["request_message"] = Message(m->request_shape());
      if (m->has_response) method["response_message"] = Message(m->response_shape());
      methods.push_back(std::move(method));
    }
    (*out)["methods"] = std::move(methods);
  }

  const flat::Library& library_;
  const SourceFiles& files_;
};

}  // namespace

nlohmann::ordered_json LibraryToJson(const flat::Library& library, const SourceFiles& files) {
  return IrWriter(library, files).Write();
}

std::string IrText(const nlohmann::ordered_json& ir) {
  return ir.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace fdf_idl
