// The C header (fidlgen_banjo's C backend, banjo-and-fidl-reference.md §2.3): forward
// declarations (constants, enum and bits values, typedefs of every type and protocol, @async
// callback types), then definitions (protocol structs, aggregates, ops tables), then the inline
// helpers.
#include <set>
#include <sstream>

#include "generators/banjo/banjo_generator.h"
#include "generators/banjo/banjo_text.h"
#include "generators/cpp/cpp_names.h"

namespace fdfkit::generators::banjo {
namespace {

namespace cpp = fdfkit::generators::cpp;

using Kind = flat::Decl::Kind;

// `UINT32_C(5)`, `INT8_C(-1)`, `true`, `"text"`.
std::string CLiteral(const flat::ConstantValue& value, flat::PrimitiveKind kind) {
  switch (value.kind) {
    case flat::ConstantValue::Kind::kBool: return value.boolean ? "true" : "false";
    case flat::ConstantValue::Kind::kFloat: return value.ToString();
    case flat::ConstantValue::Kind::kString: return cpp::QuotedString(value.string);
    case flat::ConstantValue::Kind::kInteger: break;
  }
  if (kind == flat::PrimitiveKind::kBool) return value.integer ? "true" : "false";
  if (kind == flat::PrimitiveKind::kUsize) return "(size_t)" + value.ToString() + "u";
  if (kind == flat::PrimitiveKind::kInt64 && value.integer == flat::PrimitiveMin(kind)) {
    return "INT64_MIN";
  }
  return UpperName(flat::PrimitiveName(kind)) + "_C(" + value.ToString() + ")";
}

flat::PrimitiveKind UnderlyingKind(const flat::Type& type) {
  if (type.kind == flat::Type::Kind::kIdentifier && type.decl &&
      (type.decl->kind == Kind::kEnum || type.decl->kind == Kind::kBits)) {
    return static_cast<const flat::Enum*>(type.decl)->subtype;
  }
  return type.primitive;
}

class CWriter {
 public:
  explicit CWriter(const LibraryView& library)
      : library_(library), protocols_(BanjoProtocols(library)) {
    // Method payloads are parameter lists in C, not types.
    for (const flat::Decl* decl : library_.OfKind(Kind::kProtocol)) {
      for (const flat::Method& m : static_cast<const flat::Protocol*>(decl)->methods) {
        for (const auto* payload : {&m.request, &m.response, &m.success}) {
          if (*payload && (*payload)->decl && (*payload)->decl->anonymous) {
            payloads_.insert((*payload)->decl);
          }
        }
      }
    }
  }

  std::string Write() {
    out_ << Banner(library_) << "\n#pragma once\n\n";
    for (const flat::Library* dep : library_.dependencies()) {
      if (dep->name == "zx" || dep->name == "fidl") continue;
      out_ << "#include <" << LibraryPath(dep->name) << "/c/banjo.h>\n";
    }
    out_ << "#include <zircon/compiler.h>\n#include <zircon/types.h>\n\n__BEGIN_CDECLS\n\n";
    out_ << "// Forward declarations\n";
    for (const flat::Decl* decl : library_.declaration_order()) ForwardDeclare(*decl);
    for (const ProtocolSignature& p : protocols_) ForwardDeclare(p);
    // Protocol structs hold only pointers, aggregates may hold protocols by value, and ops
    // tables may take arrays of aggregates: in that order.
    out_ << "\n// Declarations\n";
    for (const ProtocolSignature& p : protocols_) DefineProtocolStruct(p);
    for (const flat::Decl* decl : library_.declaration_order()) Define(*decl);
    for (const ProtocolSignature& p : protocols_) DefineOps(p);
    out_ << "\n// Helpers\n";
    for (const ProtocolSignature& p : protocols_) Helpers(p);
    out_ << "\n__END_CDECLS\n";
    return out_.str();
  }

 private:
  void ForwardDeclare(const flat::Decl& decl) {
    if (payloads_.count(&decl)) return;
    switch (decl.kind) {
      case Kind::kConst: Constant(static_cast<const flat::Const&>(decl)); break;
      case Kind::kEnum:
      case Kind::kBits: Enum(static_cast<const flat::Enum&>(decl)); break;
      case Kind::kAlias: Alias(static_cast<const flat::Alias&>(decl)); break;
      case Kind::kStruct:
      case Kind::kTable:
        out_ << "typedef struct " << CName(decl.name.name) << " " << CTypeName(decl) << ";\n";
        break;
      case Kind::kUnion:
        out_ << "typedef union " << CName(decl.name.name) << " " << CTypeName(decl) << ";\n";
        break;
      default: break;
    }
  }

  void Constant(const flat::Const& c) {
    std::string name = c.name.name;
    if (c.attrs.Find("namespaced")) {
      std::string prefix = c.name.library;
      for (char& ch : prefix) ch = ch == '.' ? '_' : ch;
      name = prefix + "_" + name;
    }
    out_ << DocComment(c.attrs, "") << "#define " << name << " "
         << CLiteral(c.value, UnderlyingKind(c.type)) << "\n";
  }

  void Enum(const flat::Enum& e) {
    std::string type = CTypeName(e);
    std::string prefix = UpperName(CName(e.name.name));
    flat::Type underlying;
    underlying.primitive = e.subtype;
    out_ << DocComment(e.attrs, "") << "typedef " << CTypeOf(underlying)
         << " " << type << ";\n";
    for (const flat::ValueMember& member : e.members) {
      out_ << DocComment(member.attrs, "") << "#define " << prefix << "_" << member.name << " "
           << CLiteral(member.value, e.subtype) << "\n";
    }
    if (e.attrs.Find("derive_debug")) {
      // A name for each value, for logs; guarded so two headers may both ask for it.
      std::string function = CName(e.name.name) + "_to_str";
      std::string guard = UpperName(function) + "_";
      out_ << "#ifndef " << guard << "\n#define " << guard << "\nstatic inline const char* "
           << function << "(" << type << " value) {\n  switch (value) {\n";
      for (const flat::ValueMember& member : e.members) {
        if (e.aliases.count(member.name)) continue;  // a repeated value has one name
        out_ << "    case " << prefix << "_" << member.name << ":\n      return \""
             << member.name << "\";\n";
      }
      out_ << "  }\n  return \"UNKNOWN\";\n}\n#endif\n";
    }
  }

  void Alias(const flat::Alias& a) {
    // Aliases of containers have no C type: users spell the element type.
    flat::Type::Kind kind = a.target.kind;
    if (kind != flat::Type::Kind::kPrimitive && kind != flat::Type::Kind::kIdentifier &&
        kind != flat::Type::Kind::kHandle) {
      return;
    }
    out_ << DocComment(a.attrs, "") << "typedef " << CTypeOf(a.target) << " " << CTypeName(a)
         << ";\n";
  }

  void ForwardDeclare(const ProtocolSignature& p) {
    if (p.layout == Layout::kCallback) {
      out_ << "typedef struct " << p.snake << " " << p.snake << "_t;\n";
      return;
    }
    out_ << "typedef struct " << p.snake << "_protocol " << p.names.proto_type << ";\n"
         << "typedef struct " << p.snake << "_protocol_ops " << p.names.ops_type << ";\n";
    for (const MethodSignature& m : p.methods) {
      if (!m.is_async) continue;
      std::vector<CDeclarator> params = {{"void*", "ctx", ""}};
      for (const Param& param : m.callback) params.insert(params.end(), param.c.begin(), param.c.end());
      out_ << "typedef void (*" << m.names.c_callback << ")(" << ParameterList(params) << ");\n";
    }
  }

  static std::string OpsMember(const MethodSignature& m) {
    std::vector<CDeclarator> params = {{"void*", "ctx", ""}};
    for (const CDeclarator& d : m.CParams()) params.push_back(d);
    return m.return_type + " (*" + m.names.c_ops_member + ")(" + ParameterList(params) + ");";
  }

  void DefineProtocolStruct(const ProtocolSignature& p) {
    if (p.layout == Layout::kCallback) {  // held by value, so before the aggregates
      out_ << DocComment(p.protocol->attrs, "") << "struct " << p.snake << " {\n";
      for (const MethodSignature& m : p.methods) out_ << "    " << OpsMember(m) << "\n";
      out_ << "    void* ctx;\n};\n\n";
      return;
    }
    out_ << "struct " << p.snake << "_protocol {\n    const " << p.names.ops_type
         << "* ops;\n    void* ctx;\n};\n\n";
  }

  void DefineOps(const ProtocolSignature& p) {
    if (p.layout == Layout::kCallback) return;
    out_ << DocComment(p.protocol->attrs, "") << "struct " << p.snake << "_protocol_ops {\n";
    for (const MethodSignature& m : p.methods) {
      out_ << DocComment(m.method->attrs, "    ") << "    " << OpsMember(m) << "\n";
    }
    out_ << "};\n\n";
  }

  void Define(const flat::Decl& decl) {
    if (payloads_.count(&decl)) return;
    if (decl.kind == Kind::kStruct) {
      const auto& s = static_cast<const flat::Struct&>(decl);
      Aggregate("struct", decl, Pointers(s.members));
    } else if (decl.kind == Kind::kTable || decl.kind == Kind::kUnion) {
      // A table is a plain struct of all its fields; a union has no tag in C.
      std::vector<const flat::StructMember*> members;
      for (auto& field : EnvelopeFieldsOf(decl)) {
        members.push_back(field.get());
        envelope_fields_.push_back(std::move(field));
      }
      Aggregate(decl.kind == Kind::kUnion ? "union" : "struct", decl, members);
    }
  }

  static std::vector<const flat::StructMember*> Pointers(
      const std::vector<flat::StructMember>& members) {
    std::vector<const flat::StructMember*> out;
    for (const auto& m : members) out.push_back(&m);
    return out;
  }

  void Aggregate(const char* keyword, const flat::Decl& decl,
                 const std::vector<const flat::StructMember*>& members) {
    bool preserve = decl.attrs.Find("preserve_c_names") != nullptr;
    out_ << DocComment(decl.attrs, "") << keyword << " " << CName(decl.name.name) << " {\n";
    if (members.empty()) out_ << "    uint8_t unused;\n";
    for (const flat::StructMember* member : members) {
      out_ << DocComment(member->attrs, "    ");
      for (const CDeclarator& d : FieldOf(*member, preserve).c) {
        out_ << "    " << d.Declare() << ";\n";
      }
    }
    out_ << "}" << (decl.attrs.Find("packed") ? " __attribute__ ((packed))" : "") << ";\n\n";
  }

  void Helpers(const ProtocolSignature& p) {
    if (p.layout == Layout::kCallback) return;
    for (const MethodSignature& m : p.methods) {
      // A protocol argument is taken as its two halves and put back together on the stack.
      std::vector<CDeclarator> params = {{"const " + p.names.proto_type + "*", "proto", ""}};
      std::string rebuild;
      for (const CDeclarator& d : m.CParams()) params.push_back(d);
      for (const Param& param : m.in) {
        if (param.shape != Shape::kProtocol) continue;
        for (size_t i = 0; i < params.size(); ++i) {
          if (params[i].name != param.name) continue;
          std::string ops = param.value_type.substr(0, param.value_type.size() - 2) + "_ops_t";
          params[i] = {"void*", param.name + "_ctx", ""};
          params.insert(params.begin() + static_cast<long>(i) + 1,
                        {"const " + ops + "*", param.name + "_ops", ""});
          rebuild += "    const " + param.value_type + " " + param.name + "_protocol = {" +
                     param.name + "_ops, " + param.name + "_ctx};\n    const " +
                     param.value_type + "* " + param.name + " = &" + param.name + "_protocol;\n";
          break;
        }
      }
      std::vector<std::string> args = {"proto->ctx"};
      for (const CDeclarator& d : m.CParams()) args.push_back(d.name);
      out_ << DocComment(m.method->attrs, "") << "static inline " << m.return_type << " "
           << p.snake << "_" << CName(m.method->name) << "(" << ParameterList(params) << ") {\n"
           << rebuild << "    " << (m.return_type == "void" ? "" : "return ") << "proto->ops->"
           << m.names.c_ops_member << "(" << Join(args) << ");\n}\n\n";
    }
  }

  const LibraryView& library_;
  std::vector<ProtocolSignature> protocols_;
  std::set<const flat::Decl*> payloads_;
  std::vector<std::unique_ptr<flat::StructMember>> envelope_fields_;
  std::ostringstream out_;
};

}  // namespace

std::string CHeader(const LibraryView& library) { return CWriter(library).Write(); }

}  // namespace fdfkit::generators::banjo
