// The mock header (fidlgen_banjo's mock backend, banjo-and-fidl-reference.md §2.8): for every
// banjo protocol of layout ddk-protocol or ddk-interface, `ddk::MockFoo`, a ddk::FooProtocol
// implementation whose every method is one mock_function::MockFunction. A test queues calls with
// ExpectBar(...), hands GetProto() to the code under test, and checks with VerifyAndClear().
//
// Each parameter has a storage type: what the MockFunction compares for an argument and what it
// hands back for a returned value. C pointers become values a test can write down (a string is a
// std::string, a vector a std::vector, an optional struct a std::optional, a protocol its
// {ops, ctx} pair); the mock converts between them and the mixin's parameters on every call.
#include <set>
#include <sstream>

#include "generators/banjo/banjo_cpp_types.h"
#include "generators/banjo/banjo_generator.h"
#include "generators/banjo/banjo_text.h"

namespace fdfkit::generators::banjo {
namespace {

// `std::array<std::array<T, M>, N>` for `T x[N][M]`.
std::string ArrayType(const std::string& element, const std::vector<uint32_t>& dimensions) {
  std::string type = element;
  for (size_t i = dimensions.size(); i-- > 0;) {
    type = "std::array<" + type + ", " + std::to_string(dimensions[i]) + ">";
  }
  return type;
}

// `[i0][i1]` and the loops that visit every element of an array of `dimensions`.
std::string Subscripts(size_t rank) {
  std::string out;
  for (size_t i = 0; i < rank; ++i) out += "[i" + std::to_string(i) + "]";
  return out;
}

std::string CopyArray(const std::vector<uint32_t>& dimensions, const std::string& to,
                      const std::string& from, const std::string& indent) {
  std::string out;
  std::string inner = indent;
  for (size_t i = 0; i < dimensions.size(); ++i) {
    std::string index = "i" + std::to_string(i);
    out += inner + "for (size_t " + index + " = 0; " + index + " < " +
           std::to_string(dimensions[i]) + "; ++" + index + ") {\n";
    inner += "  ";
  }
  out += inner + to + Subscripts(dimensions.size()) + " = " + from + Subscripts(dimensions.size()) +
         ";\n";
  for (size_t i = dimensions.size(); i-- > 0;) {
    inner.resize(inner.size() - 2);
    out += inner + "}\n";
  }
  return out;
}

// The pointed-to type of `T*`.
std::string Pointee(const std::string& pointer) {
  std::string out = pointer;
  while (!out.empty() && (out.back() == '*' || out.back() == ' ')) out.pop_back();
  return out;
}

// One value the mock stores: an argument, a returned value, an out value or a callback value.
struct Slot {
  std::string type;  // the storage type
  std::string name;  // its name in ExpectBar
  bool Moves() const { return type.starts_with("std::") || type.starts_with("zx::"); }
  std::string Pass() const { return Moves() ? "std::move(" + name + ")" : name; }
};

// Everything one method contributes to its mock.
struct MethodMock {
  const MethodSignature* method = nullptr;
  std::string mock;                  // mock_read_
  std::vector<Slot> returns;         // the MockFunction's tuple: returned, outs / callback values
  std::vector<Slot> args;            // the MockFunction's arguments: the in parameters
  std::string prepare;               // statements before the call
  std::vector<std::string> call;     // the argument expressions of Call
  std::string finish;                // statements after it
  std::vector<std::string> storage;  // members the method keeps returned memory in

  std::string Tuple() const {
    std::vector<std::string> types;
    for (const Slot& s : returns) types.push_back(s.type);
    return "std::tuple<" + Join(types) + ">";
  }
  std::string Function() const {
    std::vector<std::string> types = {Tuple()};
    for (const Slot& s : args) types.push_back(s.type);
    return "mock_function::MockFunction<" + Join(types) + ">";
  }
};

// The usage comment of every mock class, after its example: the rules, and the ones that
// concern only some classes.
constexpr char kRules[] = R"(//
// ExpectBar(...) queues one call of Bar. Its parameters: the value the method returns
// (out_<name>, if it returns one), then the arguments the call must receive, then the
// values it writes to its out-parameters (out_<name>). Arguments compare with ==: a
// struct, union or table needs an operator== from the test; a string compares as a
// std::string (null as ""), a vector as a std::vector of its elements (bytes for an
// untyped buffer), an array as a std::array, an optional struct as a std::optional, a
// protocol as its {ops, ctx} pair and a callback by its ctx.
)";
constexpr char kHandleRule[] =
    R"(// A handle argument compares by value. The mock owns every handle it receives and
// closes them in VerifyAndClear() or when it is destroyed: until then no new handle
// can take the value an expectation names.
)";
constexpr char kOutVectorRule[] =
    "// An out vector copies at most the caller's count and reports how many it copied.\n";
constexpr char kCalleeVectorRule[] =
    R"(// A callee-allocated out vector points into the mock, valid until the same method
// is called again.
)";
constexpr char kOutStringRule[] =
    "// An out string is cut to the caller's capacity, terminating NUL included.\n";
constexpr char kAsyncRule[] =
    R"(// An @async method calls its callback before it returns, exactly once, with the
// cookie and the response values its expectation gives.
)";
constexpr char kFailureRule[] =
    R"(// Mismatches and unexpected calls go to mock_function's failure handler
// (lib/mock-function/mock-function.h). Every method is virtual, and mock_bar() exposes
// the MockFunction behind Bar.
)";

class MockWriter {
 public:
  explicit MockWriter(const LibraryView& library) : library_(library) {
    for (ProtocolSignature& p : BanjoProtocols(library)) {
      if (p.layout != Layout::kCallback) protocols_.push_back(std::move(p));
    }
  }

  std::string Write() {
    std::ostringstream classes;
    for (const ProtocolSignature& p : protocols_) classes << Class(p);
    std::ostringstream out;
    out << Banner(library_) << "\n#pragma once\n\n";
    out << "#include <" << LibraryPath(library_.name()) << "/cpp/banjo.h>\n";
    out << "#include <lib/mock-function/mock-function.h>\n";
    for (const std::string& header : zx_headers_) out << "#include <" << header << ">\n";
    out << "\n";
    std::set<std::string> std_headers = {"tuple", "utility"};
    std_headers.insert(std_headers_.begin(), std_headers_.end());
    for (const std::string& header : std_headers) out << "#include <" << header << ">\n";
    out << "\nnamespace ddk {\n\n" << classes.str() << "}  // namespace ddk\n";
    return out.str();
  }

 private:
  // What the test writes for an argument, and how the mock builds it from the mixin's parameter.
  void InParam(const Param& p, MethodMock& m) {
    const std::string& n = p.c[0].name;
    Slot slot{"", p.name};
    switch (p.shape) {
      case Shape::kScalar:
        slot.type = p.value_type;
        m.call.push_back(n);
        break;
      case Shape::kString:
        slot.type = "std::string";
        std_headers_.insert("string");
        m.call.push_back("std::string(" + n + " != nullptr ? " + n + " : \"\")");
        break;
      case Shape::kAggregate:
        slot.type = p.value_type;
        m.call.push_back("*" + n);
        break;
      case Shape::kBox:
        slot.type = "std::optional<" + p.value_type + ">";
        std_headers_.insert("optional");
        m.call.push_back(n + " != nullptr ? " + slot.type + "(*" + n + ") : std::nullopt");
        break;
      case Shape::kHandle:
        // The mixin hands over a zx:: object: the mock keeps it, the expectation names its value.
        slot.type = "zx_handle_t";
        keeps_handles_ = true;
        m.call.push_back("KeepHandle(" + n + ".release())");
        break;
      case Shape::kServerEnd:
        slot.type = "zx_handle_t";
        keeps_handles_ = true;
        m.call.push_back("KeepHandle(" + n + ")");
        break;
      case Shape::kVector: {
        const std::string& list = p.c[0].name;
        const std::string& count = p.c[1].name;
        std_headers_.insert("vector");
        if (p.element_type == "void") {
          slot.type = "std::vector<uint8_t>";
          std::string bytes = "static_cast<const uint8_t*>(" + list + ")";
          m.call.push_back(slot.type + "(" + bytes + ", " + bytes + " + " + count + ")");
        } else if (p.inner_pointer) {
          // `const T** x_list`: the values pointed at.
          std::string element = Pointee(p.element_type);
          slot.type = "std::vector<" + element + ">";
          std::string values = p.name + "_values";
          m.prepare += "    " + slot.type + " " + values + ";\n    for (size_t i = 0; i < " +
                       count + "; ++i) " + values + ".push_back(*" + list + "[i]);\n";
          m.call.push_back("std::move(" + values + ")");
        } else if (p.element_type == "const char*") {
          slot.type = "std::vector<std::string>";
          std_headers_.insert("string");
          std::string values = p.name + "_values";
          m.prepare += "    " + slot.type + " " + values + ";\n    for (size_t i = 0; i < " +
                       count + "; ++i) " + values + ".emplace_back(" + list + "[i] != nullptr ? " +
                       list + "[i] : \"\");\n";
          m.call.push_back("std::move(" + values + ")");
        } else {
          slot.type = "std::vector<" + p.element_type + ">";
          m.call.push_back(slot.type + "(" + list + ", " + list + " + " + count + ")");
          if (p.element_type == "zx_handle_t") {
            // Handles in a vector are handed over too.
            keeps_handles_ = true;
            m.prepare +=
                "    for (size_t i = 0; i < " + count + "; ++i) KeepHandle(" + list + "[i]);\n";
          }
        }
        break;
      }
      case Shape::kArray: {
        slot.type = ArrayType(p.element_type, p.dimensions);
        std_headers_.insert("array");
        std::string values = p.name + "_values";
        m.prepare += "    " + slot.type + " " + values + "{};\n" +
                     CopyArray(p.dimensions, values, n, "    ");
        m.call.push_back("std::move(" + values + ")");
        break;
      }
      case Shape::kProtocol:
        slot.type = "std::pair<const void*, void*>";
        m.call.push_back(n + " != nullptr ? " + slot.type + "(" + n + "->ops, " + n +
                         "->ctx) : " + slot.type + "()");
        break;
      case Shape::kCallback:
        slot.type = "void*";
        m.call.push_back(n + " != nullptr ? " + n + "->ctx : nullptr");
        break;
    }
    m.args.push_back(slot);
  }

  // What the test gives for an out-parameter, and how the mock writes it.
  void OutParam(const Param& p, MethodMock& m) {
    size_t index = m.returns.size();
    std::string value = "std::get<" + std::to_string(index) + ">(ret)";
    const std::string& n = p.c[0].name;
    Slot slot{"", "out_" + p.name};
    switch (p.shape) {
      case Shape::kScalar:
      case Shape::kAggregate:
      case Shape::kProtocol:
      case Shape::kCallback:
        slot.type = p.value_type;
        m.finish += "    *" + n + " = " + value + ";\n";
        break;
      case Shape::kBox:
        slot.type = p.value_type + "*";
        m.finish += "    *" + n + " = " + value + ";\n";
        break;
      case Shape::kHandle:
        slot.type = CppHandleType(p.handle_subtype);
        zx_headers_.insert(CppHandleHeader(p.handle_subtype));
        m.finish += "    *" + n + " = std::move(" + value + ");\n";
        break;
      case Shape::kServerEnd:
        slot.type = "zx::channel";
        zx_headers_.insert("lib/zx/channel.h");
        m.finish += "    *" + n + " = " + value + ".release();\n";
        break;
      case Shape::kString: {
        // Truncated to the caller's capacity, always terminated; nothing fits in 0 bytes.
        slot.type = "std::string";
        std_headers_.insert({"string", "cstring", "algorithm"});
        const std::string& capacity = p.c[1].name;
        std::string length = p.name + "_length";
        m.finish += "    if (" + capacity + " > 0) {\n      size_t " + length + " = std::min(" +
                    value + ".size(), " + capacity + " - 1);\n      std::memcpy(" + n + ", " +
                    value + ".data(), " + length + ");\n      " + n + "[" + length +
                    "] = '\\0';\n    }\n";
        break;
      }
      case Shape::kVector: {
        std::string element = p.element_type == "void" ? "uint8_t" : p.element_type;
        slot.type = "std::vector<" + element + ">";
        std_headers_.insert("vector");
        const std::string& list = p.c[0].name;
        const std::string& count = p.c[1].name;
        if (p.callee_allocated) {
          // The memory stays the mock's until the method is called again.
          std::string storage = m.method->names.c_ops_member + "_" + p.name + "_storage_";
          m.storage.push_back(slot.type + " " + storage + ";");
          m.finish += "    " + storage + " = std::move(" + value + ");\n    *" + list + " = " +
                      storage + ".data();\n    *" + count + " = " + storage + ".size();\n";
        } else {
          // At most the caller's count, and the caller learns how many.
          std_headers_.insert("algorithm");
          const std::string& actual = p.c[2].name;
          std::string copied = p.name + "_copied";
          m.finish +=
              "    size_t " + copied + " = std::min(" + value + ".size(), " + count + ");\n";
          if (p.element_type == "void") {
            std_headers_.insert("cstring");
            m.finish += "    if (" + copied + " > 0) std::memcpy(" + list + ", " + value +
                        ".data(), " + copied + ");\n";
          } else {
            m.finish += "    std::copy_n(" + value + ".begin(), " + copied + ", " + list + ");\n";
          }
          m.finish += "    if (" + actual + " != nullptr) *" + actual + " = " + copied + ";\n";
        }
        break;
      }
      case Shape::kArray:
        slot.type = ArrayType(p.element_type, p.dimensions);
        std_headers_.insert("array");
        m.finish += CopyArray(p.dimensions, n, value, "    ");
        break;
    }
    m.returns.push_back(slot);
  }

  // What the test gives for a response value of an @async method, and how the callback gets it.
  void CallbackValue(const Param& p, MethodMock& m, std::vector<std::string>& args) {
    size_t index = m.returns.size();
    std::string value = "std::get<" + std::to_string(index) + ">(ret)";
    Slot slot{"", "out_" + p.name};
    switch (p.shape) {
      case Shape::kScalar:
        slot.type = p.value_type;
        args.push_back(value);
        break;
      case Shape::kString:
        slot.type = "std::string";
        std_headers_.insert("string");
        args.push_back(value + ".c_str()");
        break;
      case Shape::kAggregate:
      case Shape::kProtocol:
      case Shape::kCallback:
        slot.type = p.value_type;
        args.push_back("&" + value);
        break;
      case Shape::kBox:
        // The pointer itself: often the one the caller passed in, which it expects back.
        slot.type = p.c[0].type;
        args.push_back(value);
        break;
      case Shape::kHandle:
        slot.type = CppHandleType(p.handle_subtype);
        zx_headers_.insert(CppHandleHeader(p.handle_subtype));
        args.push_back(value + ".release()");
        break;
      case Shape::kServerEnd:
        slot.type = "zx::channel";
        zx_headers_.insert("lib/zx/channel.h");
        args.push_back(value + ".release()");
        break;
      case Shape::kVector: {
        std_headers_.insert("vector");
        if (p.inner_pointer) {
          std::string element = Pointee(p.element_type);
          slot.type = "std::vector<" + element + ">";
          std::string pointer = (p.mutable_data ? "" : "const ") + element + "*";
          std::string pointers = p.name + "_pointers";
          m.finish += "    std::vector<" + pointer + "> " + pointers +
                      ";\n    for (auto& v : " + value + ") " + pointers + ".push_back(&v);\n";
          args.push_back(pointers + ".data()");
          args.push_back(pointers + ".size()");
        } else {
          std::string element = p.element_type == "void" ? "uint8_t" : p.element_type;
          slot.type = "std::vector<" + element + ">";
          args.push_back(value + ".data()");
          args.push_back(value + ".size()");
        }
        break;
      }
      case Shape::kArray:
        slot.type = ArrayType(p.element_type, p.dimensions);
        std_headers_.insert("array");
        if (p.dimensions.size() == 1) {
          args.push_back(value + ".data()");
        } else {
          std::string values = p.name + "_values";
          m.finish += "    " + p.element_type + " " + values;
          for (uint32_t d : p.dimensions) m.finish += "[" + std::to_string(d) + "]";
          m.finish += " = {};\n" + CopyArray(p.dimensions, values, value, "    ");
          args.push_back(values);
        }
        break;
    }
    m.returns.push_back(slot);
  }

  MethodMock MockOf(const MethodSignature& method) {
    MethodMock m;
    m.method = &method;
    m.mock = "mock_" + method.names.c_ops_member + "_";
    if (method.return_type != "void") {
      std::string name = method.returned ? CName(method.returned->name) : "error";
      m.returns.push_back({method.return_type, "out_" + name});
    }
    for (const Param& p : method.in) InParam(p, m);
    if (method.is_async) {
      std::vector<std::string> args = {"cookie"};
      for (const Param& p : method.callback) CallbackValue(p, m, args);
      m.finish += "    callback(" + Join(args) + ");\n";
    } else {
      for (const Param& p : method.out) OutParam(p, m);
      if (method.return_type != "void") m.finish += "    return std::get<0>(ret);\n";
    }
    return m;
  }

  std::string UsageComment(const ProtocolSignature& p, const std::string& mock,
                           const std::vector<MethodMock>& methods) {
    bool handles = false, out_vectors = false, callee_vectors = false, out_strings = false;
    bool async = false;
    for (const MethodMock& m : methods) {
      async = async || m.method->is_async;
      for (const Param& param : m.method->in) {
        handles = handles || param.shape == Shape::kHandle || param.shape == Shape::kServerEnd ||
                  (param.shape == Shape::kVector && param.element_type == "zx_handle_t");
      }
      for (const Param& param : m.method->out) {
        out_strings = out_strings || param.shape == Shape::kString;
        if (param.shape != Shape::kVector) continue;
        (param.callee_allocated ? callee_vectors : out_vectors) = true;
      }
    }
    std::string variable = p.snake;
    std::string first = methods.empty() ? "" : methods[0].method->names.cpp_client;
    std::ostringstream out;
    out << "// " << mock << ": a scripted " << p.protocol->name.name
        << " for tests. The code under test gets GetProto(), the\n"
        << "// " << p.names.proto_type
        << " a real implementation would hand out; every call it makes must match\n"
        << "// the next call queued for that method, in order.\n//\n"
        << "//   ddk::" << mock << " " << variable << ";\n";
    if (!first.empty()) {
      out << "//   " << variable << ".Expect" << first
          << "(...);   // one call, as described below\n";
    }
    out << "//   ... run the code under test on " << variable << ".GetProto() ...\n"
        << "//   " << variable << ".VerifyAndClear();   // every queued call was made\n"
        << kRules;
    if (handles) out << kHandleRule;
    if (out_vectors) out << kOutVectorRule;
    if (callee_vectors) out << kCalleeVectorRule;
    if (out_strings) out << kOutStringRule;
    if (async) out << kAsyncRule;
    out << kFailureRule;
    return out.str();
  }

  std::string Class(const ProtocolSignature& p) {
    std::string mock = "Mock" + p.protocol->name.name;
    keeps_handles_ = false;
    std::vector<MethodMock> methods;
    for (const MethodSignature& m : p.methods) methods.push_back(MockOf(m));

    std::ostringstream out;
    out << UsageComment(p, mock, methods);
    out << "class " << mock << " : " << p.names.cpp_mixin << "<" << mock << "> {\n public:\n"
        << "  " << mock << "() : proto_{&" << p.snake << "_protocol_ops_, this} {}\n"
        << "  virtual ~" << mock << "() {}\n\n"
        << "  const " << p.names.proto_type << "* GetProto() const { return &proto_; }\n\n";

    for (const MethodMock& m : methods) {
      // The returned value, the arguments, then the out (or callback) values.
      size_t returned_count = m.method->return_type == "void" ? 0 : 1;
      std::vector<Slot> slots(m.returns.begin(), m.returns.begin() + returned_count);
      slots.insert(slots.end(), m.args.begin(), m.args.end());
      slots.insert(slots.end(), m.returns.begin() + returned_count, m.returns.end());
      std::vector<std::string> params;
      for (const Slot& s : slots) params.push_back(s.type + " " + s.name);
      std::vector<std::string> returned, args;
      for (const Slot& s : m.returns) returned.push_back(s.Pass());
      args.push_back(m.Tuple() + "(" + Join(returned) + ")");
      for (const Slot& s : m.args) args.push_back(s.Pass());
      out << "  virtual " << mock << "& Expect" << m.method->names.cpp_client << "(" << Join(params)
          << ") {\n"
          << "    " << m.mock << ".ExpectCall(" << Join(args) << ");\n    return *this;\n  }\n\n";
    }

    out << "  void VerifyAndClear() {\n";
    for (const MethodMock& m : methods) out << "    " << m.mock << ".VerifyAndClear();\n";
    if (keeps_handles_) out << "    received_handles_.clear();\n";
    out << "  }\n\n";

    for (const MethodMock& m : methods) {
      const MethodSignature& method = *m.method;
      out << "  virtual " << method.return_type << " " << method.names.cpp_mixin << "("
          << ParameterList(CppMixinParams(method)) << ") {\n"
          << m.prepare << "    ";
      if (!m.returns.empty()) out << m.Tuple() << " ret = ";
      out << m.mock << ".Call(" << Join(m.call) << ");\n" << m.finish << "  }\n\n";
    }

    for (const MethodMock& m : methods) {
      out << "  " << m.Function() << "& " << m.mock.substr(0, m.mock.size() - 1) << "() { return "
          << m.mock << "; }\n";
    }

    out << "\n protected:\n";
    for (const MethodMock& m : methods) out << "  " << m.Function() << " " << m.mock << ";\n";
    for (const MethodMock& m : methods) {
      for (const std::string& member : m.storage) out << "  " << member << "\n";
    }

    out << "\n private:\n";
    if (keeps_handles_) {
      zx_headers_.insert("lib/zx/handle.h");
      std_headers_.insert("vector");
      out << "  // Takes ownership of a handle the code under test handed over.\n"
          << "  zx_handle_t KeepHandle(zx_handle_t handle) {\n"
          << "    received_handles_.emplace_back(handle);\n    return handle;\n  }\n\n"
          << "  std::vector<zx::handle> received_handles_;\n";
    }
    out << "  const " << p.names.proto_type << " proto_;\n};\n\n";
    return out.str();
  }

  const LibraryView& library_;
  std::vector<ProtocolSignature> protocols_;
  std::set<std::string> zx_headers_;
  std::set<std::string> std_headers_;
  bool keeps_handles_ = false;  // of the class being written
};

}  // namespace

std::string MockHeader(const LibraryView& library) { return MockWriter(library).Write(); }

}  // namespace fdfkit::generators::banjo
