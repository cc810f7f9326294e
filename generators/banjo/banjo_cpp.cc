// The C++ header (fidlgen_banjo's C++ backend, banjo-and-fidl-reference.md §2.6–2.7): for each
// ddk-protocol and ddk-interface, the `ddk::FooProtocol` mixin a driver derives from to serve the
// protocol (its ops table points at static trampolines that call the driver's `FooBar` methods,
// turning raw handles into zx:: objects) and the `ddk::FooProtocolClient` proxy; and
// banjo-internal.h, which checks at compile time that the driver defines each method with the
// exact signature.
#include <set>
#include <sstream>

#include "generators/banjo/banjo_cpp_types.h"
#include "generators/banjo/banjo_generator.h"
#include "generators/banjo/banjo_text.h"

namespace fdfkit::generators::banjo {
namespace {

// A by-value handle parameter: the one place the C++ forms differ from the C ones.
bool IsHandleValue(const Param& p) { return p.shape == Shape::kHandle; }

std::vector<CDeclarator> MixinParams(const MethodSignature& m) { return CppMixinParams(m); }

// The parameters of a client method: the mixin's, with a protocol argument taken as its halves.
std::vector<CDeclarator> ClientParams(const MethodSignature& m) {
  std::vector<CDeclarator> out;
  for (const CDeclarator& d : MixinParams(m)) {
    const Param* protocol = nullptr;
    for (const Param& p : m.in) {
      if (p.shape == Shape::kProtocol && p.c[0].name == d.name) protocol = &p;
    }
    if (!protocol) {
      out.push_back(d);
      continue;
    }
    std::string ops = protocol->value_type.substr(0, protocol->value_type.size() - 2) + "_ops_t";
    out.push_back({"void*", d.name + "_ctx", ""});
    out.push_back({"const " + ops + "*", d.name + "_ops", ""});
  }
  return out;
}

std::string Signature(const MethodSignature& m, const std::string& name,
                      const std::vector<CDeclarator>& params) {
  return m.return_type + " " + name + "(" + ParameterList(params) + ")";
}

class CppWriter {
 public:
  explicit CppWriter(const LibraryView& library)
      : library_(library), protocols_(BanjoProtocols(library)) {}

  std::string Header() {
    std::set<std::string> handles;
    for (const ProtocolSignature& p : protocols_) {
      for (const MethodSignature& m : p.methods) {
        for (const auto* params : {&m.in, &m.out}) {
          for (const Param& param : *params) {
            if (IsHandleValue(param)) handles.insert(CppHandleHeader(param.handle_subtype));
          }
        }
      }
    }
    std::string path = LibraryPath(library_.name());
    out_ << Banner(library_) << "\n#pragma once\n\n"
         << "#include <" << path << "/c/banjo.h>\n"
         << "#include <ddktl/device-internal.h>\n#include <lib/ddk/device.h>\n"
         << "#include <lib/ddk/driver.h>\n";
    for (const std::string& handle : handles) out_ << "#include <" << handle << ">\n";
    out_ << "#include <zircon/assert.h>\n#include <zircon/compiler.h>\n"
         << "#include <zircon/types.h>\n\n#include \"banjo-internal.h\"\n";
    for (const ProtocolSignature& p : protocols_) {
      if (p.layout == Layout::kCallback) continue;
      Usage(p);
      out_ << "namespace ddk {\n\n";
      Mixin(p);
      Client(p);
      out_ << "}  // namespace ddk\n";
    }
    return out_.str();
  }

  std::string Internal() {
    out_ << Banner(library_) << "\n#pragma once\n\n"
         << "#include <" << LibraryPath(library_.name()) << "/c/banjo.h>\n"
         << "#include <ddktl/device-internal.h>\n\n#include <type_traits>\n\n"
         << "namespace ddk {\nnamespace internal {\n";
    for (const ProtocolSignature& p : protocols_) {
      if (p.layout == Layout::kCallback) continue;
      std::string mixin = p.protocol->name.name + "Protocol";
      out_ << "\n";
      for (const MethodSignature& m : p.methods) {
        out_ << "DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(" << Trait(p, m) << ", "
             << m.names.cpp_mixin << ",\n        " << m.return_type << " (C::*)("
             << ParameterList(MixinParams(m)) << "));\n\n";
      }
      out_ << "template <typename D>\nconstexpr void Check" << mixin << "Subclass() {\n";
      for (const MethodSignature& m : p.methods) {
        out_ << "    static_assert(internal::" << Trait(p, m) << "<D>::value,\n        \""
             << mixin << " subclasses must implement \"\n        \""
             << Signature(m, m.names.cpp_mixin, MixinParams(m)) << ";\");\n\n";
      }
      out_ << "}\n";
    }
    out_ << "\n}  // namespace internal\n}  // namespace ddk\n";
    return out_.str();
  }

 private:
  static std::string Trait(const ProtocolSignature& p, const MethodSignature& m) {
    return "has_" + p.snake + "_protocol_" + m.names.c_ops_member;
  }

  void Usage(const ProtocolSignature& p) {
    const std::string& name = p.protocol->name.name;
    std::string dashed = p.snake;
    for (char& c : dashed) c = c == '_' ? '-' : c;
    out_ << "\n// DDK " << dashed << "-protocol support\n//\n"
         << "// :: Proxies ::\n//\n"
         << "// ddk::" << name << "ProtocolClient wraps a " << p.names.proto_type
         << " (its ops table and context);\n"
         << "// it does not own them. Each method calls the matching entry of the ops table.\n//\n"
         << "// :: Mixins ::\n//\n"
         << "// ddk::" << name << "Protocol fills in " << p.snake
         << "_protocol_ops_ with trampolines that call the\n"
         << "// driver's methods, which must be declared exactly as banjo-internal.h checks.\n";
    if (p.layout == Layout::kProtocol) {
      out_ << "// With ddk::base_protocol as the second template argument it also records\n"
           << "// " << p.names.protocol_id
           << " and the ops table as the device's base protocol.\n";
    }
    out_ << "//\n// :: Example ::\n//\n"
         << "// class MyDevice : public ddk::" << name << "Protocol<MyDevice"
         << (p.layout == Layout::kProtocol ? ", ddk::base_protocol" : "") << "> {\n"
         << "//  public:\n";
    for (const MethodSignature& m : p.methods) {
      out_ << "//   " << Signature(m, m.names.cpp_mixin, MixinParams(m)) << ";\n";
    }
    out_ << "// };\n\n";
  }

  void Mixin(const ProtocolSignature& p) {
    const std::string& name = p.protocol->name.name;
    std::string ops_member = p.snake + "_protocol_ops_";
    if (p.layout == Layout::kProtocol) {
      out_ << "template <typename D, typename Base = internal::base_mixin>\nclass " << name
           << "Protocol : public Base {\n";
    } else {
      out_ << "template <typename D>\nclass " << name
           << "Protocol : public internal::base_mixin {\n";
    }
    out_ << " public:\n  " << name << "Protocol() {\n    internal::Check" << name
         << "ProtocolSubclass<D>();\n";
    for (const MethodSignature& m : p.methods) {
      out_ << "    " << ops_member << "." << m.names.c_ops_member << " = " << m.names.cpp_mixin
           << ";\n";
    }
    if (p.layout == Layout::kProtocol) {
      out_ << "\n    if constexpr (internal::is_base_proto<Base>::value) {\n"
           << "      auto dev = static_cast<D*>(this);\n"
           << "      // A device has one base protocol.\n"
           << "      ZX_ASSERT(dev->ddk_proto_id_ == 0);\n"
           << "      dev->ddk_proto_id_ = " << p.names.protocol_id << ";\n"
           << "      dev->ddk_proto_ops_ = &" << ops_member << ";\n    }\n";
    }
    out_ << "  }\n\n protected:\n  " << p.names.ops_type << " " << ops_member << " = {};\n\n"
         << " private:\n";
    for (const MethodSignature& m : p.methods) Trampoline(m);
    out_ << "};\n\n";
  }

  // `static R FooBar(void* ctx, <C params>)`: hands the driver zx:: objects for handles.
  void Trampoline(const MethodSignature& m) {
    std::vector<CDeclarator> params = {{"void*", "ctx", ""}};
    for (const CDeclarator& d : m.CParams()) params.push_back(d);
    std::string before, after;
    std::vector<std::string> args;
    for (const Param& p : m.in) {
      if (IsHandleValue(p)) {
        args.push_back(CppHandleType(p.handle_subtype) + "(" + p.c[0].name + ")");
      } else {
        for (const CDeclarator& d : p.c) args.push_back(d.name);
      }
    }
    if (m.is_async) {
      args.push_back("callback");
      args.push_back("cookie");
    }
    for (const Param& p : m.out) {
      if (IsHandleValue(p)) {
        std::string local = p.c[0].name + "2";
        before += "    " + CppHandleType(p.handle_subtype) + " " + local + ";\n";
        args.push_back("&" + local);
        after += "    *" + p.c[0].name + " = " + local + ".release();\n";
      } else {
        for (const CDeclarator& d : p.c) args.push_back(d.name);
      }
    }
    std::string call = "static_cast<D*>(ctx)->" + m.names.cpp_mixin + "(" + Join(args) + ")";
    out_ << "  static " << Signature(m, m.names.cpp_mixin, params) << " {\n" << before;
    if (m.return_type == "void") {
      out_ << "    " << call << ";\n" << after;
    } else {
      out_ << "    auto ret = " << call << ";\n" << after << "    return ret;\n";
    }
    out_ << "  }\n";
  }

  void Client(const ProtocolSignature& p) {
    std::string client = p.protocol->name.name + "ProtocolClient";
    const std::string& proto = p.names.proto_type;
    out_ << "class " << client << " {\n public:\n";
    if (p.layout == Layout::kProtocol) {
      // fdfkit: compat::ConnectBanjo<Client>() reads the protocol id from here.
      out_ << "  static constexpr uint32_t kProtocolId = " << p.names.protocol_id << ";\n\n";
    }
    out_ << "  " << client << "() : ops_(nullptr), ctx_(nullptr) {}\n"
         << "  " << client << "(const " << proto << "* proto)\n"
         << "      : ops_(proto->ops), ctx_(proto->ctx) {}\n\n";
    if (p.layout == Layout::kProtocol) {
      out_ << "  " << client << "(zx_device_t* parent) {\n"
           << "    " << proto << " proto;\n"
           << "    if (device_get_protocol(parent, " << p.names.protocol_id
           << ", &proto) == ZX_OK) {\n"
           << "      ops_ = proto.ops;\n      ctx_ = proto.ctx;\n    } else {\n"
           << "      ops_ = nullptr;\n      ctx_ = nullptr;\n    }\n  }\n\n"
           << "  " << client << "(zx_device_t* parent, const char* fragment_name) {\n"
           << "    " << proto << " proto;\n"
           << "    if (device_get_fragment_protocol(parent, fragment_name, "
           << p.names.protocol_id << ", &proto) == ZX_OK) {\n"
           << "      ops_ = proto.ops;\n      ctx_ = proto.ctx;\n    } else {\n"
           << "      ops_ = nullptr;\n      ctx_ = nullptr;\n    }\n  }\n\n"
           << "  // The parent's protocol in *result, or the error device_get_protocol gave.\n"
           << "  static zx_status_t CreateFromDevice(zx_device_t* parent, " << client
           << "* result) {\n"
           << "    " << proto << " proto;\n"
           << "    zx_status_t status = device_get_protocol(parent, " << p.names.protocol_id
           << ", &proto);\n"
           << "    if (status != ZX_OK) {\n      return status;\n    }\n"
           << "    *result = " << client << "(&proto);\n    return ZX_OK;\n  }\n\n"
           << "  // The protocol of the parent's fragment `fragment_name` in *result.\n"
           << "  static zx_status_t CreateFromDevice(zx_device_t* parent, const char* "
              "fragment_name,\n"
           << "                                      " << client << "* result) {\n"
           << "    " << proto << " proto;\n"
           << "    zx_status_t status = device_get_fragment_protocol(parent, fragment_name, "
           << p.names.protocol_id << ", &proto);\n"
           << "    if (status != ZX_OK) {\n      return status;\n    }\n"
           << "    *result = " << client << "(&proto);\n    return ZX_OK;\n  }\n\n";
    }
    out_ << "  void GetProto(" << proto << "* proto) const {\n"
         << "    proto->ctx = ctx_;\n    proto->ops = ops_;\n  }\n"
         << "  bool is_valid() const { return ops_ != nullptr; }\n"
         << "  void clear() {\n    ctx_ = nullptr;\n    ops_ = nullptr;\n  }\n\n";
    for (const MethodSignature& m : p.methods) ClientMethod(m);
    out_ << " private:\n  const " << p.names.ops_type << "* ops_;\n  void* ctx_;\n};\n\n";
  }

  void ClientMethod(const MethodSignature& m) {
    std::string before;
    std::vector<std::string> args = {"ctx_"};
    for (const Param& p : m.in) {
      if (IsHandleValue(p)) {
        args.push_back(p.c[0].name + ".release()");
      } else if (p.shape == Shape::kProtocol) {
        const std::string& n = p.c[0].name;
        before += "    const " + p.value_type + " " + n + "2 = {" + n + "_ops, " + n + "_ctx};\n";
        args.push_back("&" + n + "2");
      } else {
        for (const CDeclarator& d : p.c) args.push_back(d.name);
      }
    }
    if (m.is_async) {
      args.push_back("callback");
      args.push_back("cookie");
    }
    for (const Param& p : m.out) {
      if (IsHandleValue(p)) {
        args.push_back(p.c[0].name + "->reset_and_get_address()");
      } else {
        for (const CDeclarator& d : p.c) args.push_back(d.name);
      }
    }
    out_ << DocComment(m.method->attrs, "  ") << "  "
         << Signature(m, m.names.cpp_client, ClientParams(m)) << " const {\n"
         << before << "    " << (m.return_type == "void" ? "" : "return ") << "ops_->"
         << m.names.c_ops_member << "(" << Join(args) << ");\n  }\n\n";
  }

  const LibraryView& library_;
  std::vector<ProtocolSignature> protocols_;
  std::ostringstream out_;
};

}  // namespace

std::string CppHeader(const LibraryView& library) { return CppWriter(library).Header(); }
std::string CppInternalHeader(const LibraryView& library) { return CppWriter(library).Internal(); }

}  // namespace fdfkit::generators::banjo
