#include "generators/banjo/banjo_signatures.h"

namespace fdfkit::generators::banjo {
namespace {

using Kind = flat::Type::Kind;

bool Has(const flat::StructMember& member, const char* attribute) {
  return member.attrs.Find(attribute) != nullptr;
}

std::string PrimitiveCType(flat::PrimitiveKind kind) {
  switch (kind) {
    case flat::PrimitiveKind::kBool: return "bool";
    case flat::PrimitiveKind::kFloat32: return "float";
    case flat::PrimitiveKind::kFloat64: return "double";
    case flat::PrimitiveKind::kUsize: return "size_t";
    case flat::PrimitiveKind::kVoidptr: return "void*";
    default: return std::string(flat::PrimitiveName(kind)) + "_t";
  }
}

// Whether C passes a value of this type by value: primitives, enums, bits, and aliases of them.
bool IsScalar(const flat::Type& type) {
  if (type.kind == Kind::kPrimitive) return true;
  return type.kind == Kind::kIdentifier && type.decl &&
         (type.decl->kind == flat::Decl::Kind::kEnum || type.decl->kind == flat::Decl::Kind::kBits);
}

Shape ShapeOf(const flat::Type& type) {
  switch (type.kind) {
    case Kind::kPrimitive: return Shape::kScalar;
    case Kind::kString: return Shape::kString;
    case Kind::kVector: return Shape::kVector;
    case Kind::kArray: return Shape::kArray;
    case Kind::kBox: return Shape::kBox;
    case Kind::kHandle: return Shape::kHandle;
    case Kind::kServerEnd: return Shape::kServerEnd;
    case Kind::kClientEnd:
      return type.decl && LayoutOf(*type.decl) == Layout::kCallback ? Shape::kCallback
                                                                   : Shape::kProtocol;
    case Kind::kIdentifier:
      if (IsScalar(type)) return Shape::kScalar;
      // An optional struct or union is a pointer that may be null.
      return type.nullable ? Shape::kBox : Shape::kAggregate;
  }
  return Shape::kScalar;
}

// The element type of a vector or the innermost one of an array, with the array dimensions.
std::string ElementType(const flat::Type& type, std::vector<uint32_t>* dimensions) {
  const flat::Type* element = type.element.get();
  if (type.kind == Kind::kArray) {
    dimensions->push_back(type.element_count);
    while (element->kind == Kind::kArray) {
      dimensions->push_back(element->element_count);
      element = element->element.get();
    }
  }
  if (element->kind == Kind::kString) return "const char*";
  // A D1 `vector<voidptr>` is an untyped buffer: `const void* x_buffer`.
  if (element->kind == Kind::kPrimitive && element->primitive == flat::PrimitiveKind::kVoidptr) {
    return "void";
  }
  if (element->kind == Kind::kBox) return CTypeOf(*element->element) + "*";
  if (element->kind == Kind::kIdentifier && element->nullable) return CTypeOf(*element) + "*";
  return CTypeOf(*element);
}

std::string Dimensions(const std::vector<uint32_t>& dimensions) {
  std::string out;
  for (uint32_t n : dimensions) out += "[" + std::to_string(n) + "]";
  return out;
}

// What every form starts from: the shape, the attributes and the types.
Param Describe(const flat::StructMember& member, bool out, std::string name) {
  Param p;
  p.member = &member;
  p.name = std::move(name);
  p.out = out;
  p.shape = ShapeOf(member.type);
  p.decl = member.type.kind == Kind::kBox && member.type.element ? member.type.element->decl
                                                                  : member.type.decl;
  p.mutable_data = Has(member, "in_out") || Has(member, "mutable");
  p.callee_allocated = Has(member, "callee_allocated");
  p.inner_pointer = Has(member, "inner_pointer") || Has(member, "out_of_line_contents");
  if (p.shape == Shape::kVector || p.shape == Shape::kArray) {
    p.element_type = ElementType(member.type, &p.dimensions);
    p.buffer = Has(member, "buffer") || (member.type.element &&
                                         member.type.element->kind == Kind::kPrimitive &&
                                         member.type.element->primitive ==
                                             flat::PrimitiveKind::kVoidptr);
  } else if (p.shape == Shape::kBox) {
    p.value_type = CTypeOf(member.type.element ? *member.type.element : member.type);
  } else if (p.shape == Shape::kHandle) {
    p.value_type = "zx_handle_t";
    p.handle_subtype = member.type.handle_subtype;
  } else if (p.shape != Shape::kString && p.shape != Shape::kServerEnd) {
    p.value_type = CTypeOf(member.type);
  }
  if (p.shape == Shape::kServerEnd) p.value_type = "zx_handle_t";
  return p;
}

std::string ListName(const Param& p) { return p.name + (p.buffer ? "_buffer" : "_list"); }
std::string CountName(const Param& p) { return p.name + (p.buffer ? "_size" : "_count"); }
std::string ConstPrefix(const Param& p);

// An in-parameter or field vector: `const T* x_list, size_t x_count`.
std::vector<CDeclarator> VectorDeclarators(const Param& p) {
  return {{ConstPrefix(p) + p.element_type + (p.inner_pointer ? "**" : "*"), ListName(p), ""},
          {"size_t", CountName(p), ""}};
}

std::string ConstPrefix(const Param& p) {
  // A vector of strings already points at const characters: `const char** x_list`.
  return p.mutable_data || p.element_type.starts_with("const ") ? "" : "const ";
}

// C and C++ keywords a banjo name may be (`register`): fidlgen_banjo wrote them unchanged, which
// no compiler accepts; they get a trailing underscore.
std::string EscapeKeyword(std::string name) {
  static const char* const kKeywords[] = {
      "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char",
      "class", "const", "constexpr", "continue", "default", "delete", "do", "double", "else",
      "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
      "inline", "int", "long", "mutable", "namespace", "new", "not", "operator", "or", "private",
      "protected", "public", "register", "restrict", "return", "short", "signed", "sizeof",
      "static", "struct", "switch", "template", "this", "throw", "true", "try", "typedef",
      "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
      "while", "xor"};
  for (const char* keyword : kKeywords) {
    if (name == keyword) return name + "_";
  }
  return name;
}

}  // namespace

std::string CDeclarator::Declare() const {
  return type + " " + name + suffix;
}

std::string CTypeName(const flat::Decl& decl) {
  if (decl.kind == flat::Decl::Kind::kProtocol) {
    return LayoutOf(decl) == Layout::kCallback ? CName(decl.name.name) + "_t"
                                               : CName(decl.name.name) + "_protocol_t";
  }
  return CName(decl.name.name) + "_t";
}

std::string CTypeOf(const flat::Type& type) {
  if (type.alias && (type.kind == Kind::kPrimitive || type.kind == Kind::kIdentifier)) {
    // zx's aliases are zircon's typedefs (`zx.Status` → `zx_status_t`); a library's own alias
    // is the typedef its C header declares.
    if (type.alias->name.library == "zx") return "zx_" + CName(type.alias->name.name) + "_t";
    return CTypeName(*type.alias);
  }
  switch (type.kind) {
    case Kind::kPrimitive: return PrimitiveCType(type.primitive);
    case Kind::kHandle:
    case Kind::kServerEnd: return "zx_handle_t";
    case Kind::kString: return "const char*";
    case Kind::kBox: return type.element ? CTypeOf(*type.element) : "void";
    default: return type.decl ? CTypeName(*type.decl) : "void";
  }
}

std::vector<std::unique_ptr<flat::StructMember>> EnvelopeFieldsOf(const flat::Decl& decl) {
  std::vector<std::unique_ptr<flat::StructMember>> fields;
  for (const flat::EnvelopeMember& member :
       decl.kind == flat::Decl::Kind::kTable ? static_cast<const flat::Table&>(decl).members
                                             : static_cast<const flat::Union&>(decl).members) {
    if (!member.type) continue;  // reserved
    auto field = std::make_unique<flat::StructMember>();
    field->name = member.name;
    field->attrs = member.attrs;
    field->type = *member.type;
    fields.push_back(std::move(field));
  }
  return fields;
}

Param InParam(const flat::StructMember& member) {
  Param p = Describe(member, /*out=*/false, EscapeKeyword(CName(member.name)));
  const std::string& n = p.name;
  switch (p.shape) {
    case Shape::kScalar:
    case Shape::kHandle:
    case Shape::kServerEnd: p.c = {{p.value_type, n, ""}}; break;
    case Shape::kString: p.c = {{p.mutable_data ? "char*" : "const char*", n, ""}}; break;
    case Shape::kAggregate:
    case Shape::kBox:
    case Shape::kProtocol:
    case Shape::kCallback:
      p.c = {{(p.shape == Shape::kProtocol || p.shape == Shape::kCallback ? "const "
                                                                         : ConstPrefix(p)) +
                  p.value_type + "*",
              n, ""}};
      break;
    case Shape::kVector: p.c = VectorDeclarators(p); break;
    case Shape::kArray:
      p.c = {{ConstPrefix(p) + p.element_type, n, Dimensions(p.dimensions)}};
      break;
  }
  return p;
}

Param OutParam(const flat::StructMember& member) {
  Param p = Describe(member, /*out=*/true, EscapeKeyword(CName(member.name)));
  const std::string& n = p.name;
  switch (p.shape) {
    case Shape::kScalar:
    case Shape::kHandle:
    case Shape::kServerEnd:
    case Shape::kAggregate:
    case Shape::kProtocol:
    case Shape::kCallback: p.c = {{p.value_type + "*", "out_" + n, ""}}; break;
    case Shape::kBox: p.c = {{p.value_type + "**", "out_" + n, ""}}; break;
    case Shape::kString:
      p.c = {{"char*", "out_" + n, ""}, {"size_t", n + "_capacity", ""}};
      break;
    case Shape::kVector:
      if (p.callee_allocated) {
        p.c = {{p.element_type + "**", "out_" + ListName(p), ""},
               {"size_t*", CountName(p), ""}};
      } else {
        p.c = {{p.element_type + "*", "out_" + ListName(p), ""},
               {"size_t", CountName(p), ""},
               {"size_t*", "out_" + n + "_actual", ""}};
      }
      break;
    case Shape::kArray: p.c = {{p.element_type, "out_" + n, Dimensions(p.dimensions)}}; break;
  }
  return p;
}

Param FieldOf(const flat::StructMember& member, bool preserve_names) {
  Param p = Describe(member, /*out=*/false,
                     EscapeKeyword(preserve_names ? member.name : CName(member.name)));
  const std::string& n = p.name;
  switch (p.shape) {
    case Shape::kScalar:
    case Shape::kHandle:
    case Shape::kServerEnd:
    case Shape::kAggregate:
    case Shape::kProtocol:
    case Shape::kCallback: p.c = {{p.value_type, n, ""}}; break;
    case Shape::kBox: p.c = {{p.value_type + "*", n, ""}}; break;
    case Shape::kString:
      if (member.type.bounded) {
        p.c = {{"char", n, "[" + std::to_string(member.type.element_count) + "]"}};
      } else {
        p.c = {{p.mutable_data ? "char*" : "const char*", n, ""}};
      }
      break;
    case Shape::kVector: p.c = VectorDeclarators(p); break;
    case Shape::kArray: p.c = {{p.element_type, n, Dimensions(p.dimensions)}}; break;
  }
  return p;
}

std::vector<const flat::StructMember*> PayloadMembers(const std::optional<flat::Type>& payload) {
  std::vector<const flat::StructMember*> out;
  if (!payload || !payload->decl || payload->decl->kind != flat::Decl::Kind::kStruct) return out;
  for (const auto& member : static_cast<const flat::Struct&>(*payload->decl).members) {
    out.push_back(&member);
  }
  return out;
}

std::vector<CDeclarator> MethodSignature::CParams() const {
  std::vector<CDeclarator> out;
  for (const Param& p : in) out.insert(out.end(), p.c.begin(), p.c.end());
  if (is_async) {
    out.push_back({names.c_callback, "callback", ""});
    out.push_back({"void*", "cookie", ""});
    return out;
  }
  for (const Param& p : this->out) out.insert(out.end(), p.c.begin(), p.c.end());
  return out;
}

ProtocolSignature SignatureOf(const flat::Protocol& protocol) {
  ProtocolSignature s;
  s.protocol = &protocol;
  s.layout = LayoutOf(protocol);
  s.names = BanjoNamesOf(protocol.name.name);
  s.snake = CName(protocol.name.name);
  for (const flat::Method* method : protocol.all_methods) {
    if (method->is_event) continue;
    MethodSignature m;
    m.method = method;
    m.is_async = method->attrs.Find("async") != nullptr;
    m.names = BanjoNamesOf(protocol.name.name, method->name, m.is_async);
    m.names.c_ops_member = EscapeKeyword(m.names.c_ops_member);
    for (const flat::StructMember* member : PayloadMembers(method->request)) {
      m.in.push_back(InParam(*member));
    }
    std::vector<const flat::StructMember*> response =
        PayloadMembers(method->has_result_union() ? method->success : method->response);
    if (m.is_async) {
      for (const flat::StructMember* member : response) m.callback.push_back(InParam(*member));
    } else {
      size_t first = 0;
      if (method->has_result_union() && method->error) {
        m.return_type = CTypeOf(*method->error);  // `-> (...) error zx.Status`
      } else if (!response.empty() && IsScalar(response[0]->type)) {
        m.returned = response[0];
        m.return_type = CTypeOf(response[0]->type);
        first = 1;
      }
      for (size_t i = first; i < response.size(); ++i) m.out.push_back(OutParam(*response[i]));
    }
    s.methods.push_back(std::move(m));
  }
  return s;
}

}  // namespace fdfkit::generators::banjo
