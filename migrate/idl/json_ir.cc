#include "migrate/idl/json_ir.h"

#include <unordered_map>

#include "support/json_writer.h"

namespace fdfkit::idl {
namespace {

using support::JsonWriter;

class IrWriter {
 public:
  IrWriter(const flat::Library& library, const SourceFiles& files, JsonWriter* json)
      : library_(library), files_(files), json_(*json) {
    for (size_t i = 0; i < library.files.size(); ++i) file_index_.emplace(library.files[i], i);
  }

  void Write() {
    json_.BeginObject();
    json_.Field("schema", kIrSchema);
    json_.Field("name", library_.name);
    json_.Field("dialect", raw::DialectName(library_.dialect));
    json_.Key("files");
    json_.BeginArray();
    for (const std::string& file : library_.files) json_.String(file);
    json_.EndArray();
    Attributes(library_.attrs);
    json_.Key("library_dependencies");
    json_.BeginArray();
    for (const flat::Library* dependency : library_.dependencies) {
      json_.BeginObject();
      json_.Field("name", dependency->name);
      json_.Key("declarations");
      DeclarationIndex(*dependency);
      json_.EndObject();
    }
    json_.EndArray();
    using Kind = flat::Decl::Kind;
    for (Kind kind : {Kind::kConst, Kind::kAlias, Kind::kEnum, Kind::kBits, Kind::kStruct,
                      Kind::kTable, Kind::kUnion, Kind::kProtocol, Kind::kService}) {
      json_.Key(std::string(flat::DeclKindName(kind)) + "_declarations");
      json_.BeginArray();
      for (const auto& decl : library_.decls) {
        if (decl->kind == kind) Decl(*decl);
      }
      json_.EndArray();
    }
    json_.Key("declaration_order");
    json_.BeginArray();
    for (const flat::Decl* d : library_.declaration_order) json_.String(Qualified(d->name));
    json_.EndArray();
    json_.Key("declarations");
    DeclarationIndex(library_);
    json_.EndObject();
  }

 private:
  // `library/Name` in a reused buffer: one allocation per document, not one per reference.
  const std::string& Qualified(const flat::Name& name) {
    scratch_.assign(name.library).append(1, '/').append(name.name);
    return scratch_;
  }

  void DeclarationIndex(const flat::Library& library) {
    json_.BeginObject();
    for (const auto& d : library.decls) json_.Field(Qualified(d->name), flat::DeclKindName(d->kind));
    json_.EndObject();
  }

  // `file` indexes the library's `files`: repeating the path in every location made it the
  // largest part of the IR.
  void Location(llvm::SMLoc loc) {
    SourceFiles::Position position = files_.Locate(loc);
    auto it = file_index_.find(position.file);
    json_.Key("location");
    json_.BeginObject();
    json_.Field("file", it == file_index_.end() ? int64_t{-1} : static_cast<int64_t>(it->second));
    json_.Field("line", position.line);
    json_.Field("column", position.column);
    json_.EndObject();
  }

  void Constant(const raw::Constant& c) {
    const char* kinds[] = {"number", "string", "bool", "identifier", "or"};
    json_.BeginObject();
    json_.Field("kind", kinds[static_cast<int>(c.kind)]);
    if (c.kind != raw::Constant::Kind::kOr) {
      json_.Field("value", c.text);
    } else {
      json_.Field("value", "");
      json_.Key("operands");
      json_.BeginArray();
      for (const raw::Constant& operand : c.operands) Constant(operand);
      json_.EndArray();
    }
    json_.EndObject();
  }

  // Attributes as written (`Layout`, `BanjoLayout`, `banjo_layout` stay distinct) with their
  // canonical snake_case name next to them; `///` comments are `doc` attributes. Absent when
  // there are none, as fidlc's `maybe_attributes`: most members have none.
  void Attributes(const raw::AttributeList& attrs) {
    if (attrs.items.empty()) return;
    json_.Key("attributes");
    json_.BeginArray();
    for (const raw::Attribute& a : attrs.items) {
      json_.BeginObject();
      json_.Field("name", a.name);
      json_.Field("canonical_name", raw::CanonicalAttributeName(a.name));
      json_.Key("arguments");
      json_.BeginArray();
      for (const raw::AttributeArg& arg : a.args) {
        json_.BeginObject();
        json_.Field("name", arg.name.empty() ? std::string_view("value") : arg.name);
        json_.Key("value");
        Constant(arg.value);
        json_.EndObject();
      }
      json_.EndArray();
      json_.EndObject();
    }
    json_.EndArray();
  }

  static std::string Doc(const raw::AttributeList& attrs) {
    std::string doc;
    for (const raw::Attribute& a : attrs.items) {
      if (a.name == "doc" && !a.args.empty()) doc += a.args[0].value.text + "\n";
    }
    return doc;
  }

  void Shape(const char* key, const flat::TypeShape& shape) {
    json_.Key(key);
    json_.BeginObject();
    json_.Field("inline_size", shape.inline_size);
    json_.Field("alignment", shape.alignment);
    json_.Field("depth", shape.depth);
    json_.Field("max_handles", shape.max_handles);
    json_.Field("max_out_of_line", shape.max_out_of_line);
    json_.Field("has_padding", shape.has_padding);
    json_.Field("has_flexible_envelope", shape.has_flexible_envelope);
    json_.EndObject();
  }

  // A type reference. It carries no shape: that is its declaration's, or fixed by its kind.
  void Type(const char* key, const flat::Type& type) {
    json_.Key(key);
    json_.BeginObject();
    json_.Field("kind", flat::TypeKindName(type.kind));
    switch (type.kind) {
      case flat::Type::Kind::kPrimitive:
        json_.Field("subtype", flat::PrimitiveName(type.primitive));
        break;
      case flat::Type::Kind::kString:
      case flat::Type::Kind::kVector:
        if (type.element) Type("element_type", *type.element);
        if (type.bounded) json_.Field("maybe_element_count", type.element_count);
        json_.Field("nullable", type.nullable);
        break;
      case flat::Type::Kind::kArray:
        Type("element_type", *type.element);
        json_.Field("element_count", type.element_count);
        break;
      case flat::Type::Kind::kBox:
        Type("element_type", *type.element);
        json_.Field("nullable", true);
        break;
      case flat::Type::Kind::kHandle:
        json_.Field("resource_identifier",
                    type.decl ? std::string_view(Qualified(type.decl->name)) : "zx/Handle");
        json_.Field("subtype", type.handle_subtype.empty() ? std::string_view("NONE")
                                                          : std::string_view(type.handle_subtype));
        json_.Field("obj_type", type.handle_object_type);
        json_.Field("rights", type.handle_rights.value_or(0x80000000u));  // same rights
        json_.Field("nullable", type.nullable);
        break;
      case flat::Type::Kind::kClientEnd:
      case flat::Type::Kind::kServerEnd:
        json_.Field("protocol", type.decl ? std::string_view(Qualified(type.decl->name)) : "");
        json_.Field("nullable", type.nullable);
        break;
      case flat::Type::Kind::kIdentifier:
        json_.Field("identifier", type.decl ? std::string_view(Qualified(type.decl->name)) : "");
        json_.Field("nullable", type.nullable);
        break;
    }
    json_.EndObject();
  }

  void BeginMember(const flat::Member& m) {
    json_.BeginObject();
    json_.Field("name", m.name);
    Location(m.loc);
    Attributes(m.attrs);
  }

  void Envelopes(const std::vector<flat::EnvelopeMember>& members) {
    json_.Key("members");
    json_.BeginArray();
    for (const auto& m : members) {
      BeginMember(m);
      json_.Field("ordinal", m.ordinal);
      json_.Field("reserved", !m.type.has_value());
      if (m.type) Type("type", *m.type);
      json_.EndObject();
    }
    json_.EndArray();
  }

  void Value(const char* key, const flat::ConstantValue& value, const std::string& expression) {
    const char* kinds[] = {"integer", "float", "bool", "string"};
    json_.Key(key);
    json_.BeginObject();
    json_.Field("kind", kinds[static_cast<int>(value.kind)]);
    json_.Field("value", value.ToString());
    json_.Field("expression", expression);
    json_.EndObject();
  }

  void Message(const char* key, const std::optional<flat::TypeShape>& body) {
    json_.Key(key);
    json_.BeginObject();
    json_.Field("header_size", flat::kTransactionalHeaderSize);
    if (body) Shape("body", *body);
    uint64_t max = flat::MaxMessageSize(body);
    if (max == UINT64_MAX) {
      json_.Field("max_message_size", "unbounded");
    } else {
      json_.Field("max_message_size", max);
    }
    json_.EndObject();
  }

  void Decl(const flat::Decl& decl) {
    json_.BeginObject();
    json_.Field("name", Qualified(decl.name));
    Location(decl.loc);
    if (decl.anonymous) json_.Field("is_anonymous", true);
    Attributes(decl.attrs);
    if (std::string doc = Doc(decl.attrs); !doc.empty()) json_.Field("doc", doc);
    switch (decl.kind) {
      case flat::Decl::Kind::kConst: {
        const auto& c = static_cast<const flat::Const&>(decl);
        Type("type", c.type);
        Value("value", c.value, c.expression);
        break;
      }
      case flat::Decl::Kind::kAlias:
        Type("type", static_cast<const flat::Alias&>(decl).target);
        break;
      case flat::Decl::Kind::kEnum:
      case flat::Decl::Kind::kBits: {
        const auto& e = static_cast<const flat::Enum&>(decl);
        json_.Field("type", flat::PrimitiveName(e.subtype));
        json_.Field("strict", e.strict);
        if (decl.kind == flat::Decl::Kind::kBits) json_.Field("mask", std::to_string(e.mask));
        json_.Key("members");
        json_.BeginArray();
        for (const auto& m : e.members) {
          BeginMember(m);
          std::string value = m.value.ToString();
          Value("value", m.value, value);
          json_.EndObject();
        }
        json_.EndArray();
        Shape("type_shape_v2", e.shape);
        break;
      }
      case flat::Decl::Kind::kStruct: {
        const auto& s = static_cast<const flat::Struct&>(decl);
        json_.Field("resource", s.resource);
        json_.Key("members");
        json_.BeginArray();
        for (const auto& m : s.members) {
          BeginMember(m);
          Type("type", m.type);
          json_.Key("field_shape_v2");
          json_.BeginObject();
          json_.Field("offset", m.offset);
          json_.Field("padding", m.padding);
          json_.EndObject();
          if (m.default_value) Value("maybe_default_value", *m.default_value, "");
          json_.EndObject();
        }
        json_.EndArray();
        Shape("type_shape_v2", s.shape);
        break;
      }
      case flat::Decl::Kind::kUnion: {
        const auto& u = static_cast<const flat::Union&>(decl);
        json_.Field("strict", u.strict);
        json_.Field("resource", u.resource);
        json_.Field("is_result", u.is_result);
        Envelopes(u.members);
        Shape("type_shape_v2", u.shape);
        break;
      }
      case flat::Decl::Kind::kTable: {
        const auto& t = static_cast<const flat::Table&>(decl);
        json_.Field("resource", t.resource);
        Envelopes(t.members);
        Shape("type_shape_v2", t.shape);
        break;
      }
      case flat::Decl::Kind::kProtocol: Protocol(static_cast<const flat::Protocol&>(decl)); break;
      case flat::Decl::Kind::kService: {
        json_.Key("members");
        json_.BeginArray();
        for (const auto& m : static_cast<const flat::Service&>(decl).members) {
          BeginMember(m);
          Type("type", m.type);
          json_.EndObject();
        }
        json_.EndArray();
        break;
      }
      case flat::Decl::Kind::kResource: break;
    }
    json_.EndObject();
  }

  void Protocol(const flat::Protocol& p) {
    json_.Field("openness", flat::OpennessName(p.openness));
    json_.Key("composed_protocols");
    json_.BeginArray();
    for (const flat::Protocol* c : p.composed) {
      json_.BeginObject();
      json_.Field("name", Qualified(c->name));
      json_.EndObject();
    }
    json_.EndArray();
    json_.Key("methods");
    json_.BeginArray();
    for (const flat::Method* m : p.all_methods) {
      BeginMember(*m);
      json_.Field("kind", m->is_event ? "event" : m->has_response ? "two_way" : "one_way");
      json_.Field("ordinal", m->ordinal);
      json_.Field("selector", m->selector);
      json_.Field("strict", m->strict);
      json_.Field("is_composed", m->declared_in != &p);
      json_.Field("has_request", m->has_request);
      if (m->request) Type("maybe_request_payload", *m->request);
      json_.Field("has_response", m->has_response);
      if (m->response) Type("maybe_response_payload", *m->response);
      json_.Field("has_error", m->error.has_value());
      if (m->success) Type("maybe_response_success_type", *m->success);
      if (m->error) Type("maybe_response_err_type", *m->error);
      if (m->has_request) Message("request_message", m->request_shape());
      if (m->has_response) Message("response_message", m->response_shape());
      json_.EndObject();
    }
    json_.EndArray();
  }

  const flat::Library& library_;
  const SourceFiles& files_;
  JsonWriter& json_;
  std::unordered_map<std::string_view, size_t> file_index_;
  std::string scratch_;
};

}  // namespace

std::string IrText(const flat::Library& library, const SourceFiles& files, IrStyle style) {
  std::string out;
  out.reserve(1 << 16);
  JsonWriter json(&out, style == IrStyle::kPretty ? 2 : 0);
  IrWriter(library, files, &json).Write();
  out.push_back('\n');
  return out;
}

nlohmann::ordered_json LibraryToJson(const flat::Library& library, const SourceFiles& files) {
  return nlohmann::ordered_json::parse(IrText(library, files));
}

}  // namespace fdfkit::idl
