#include "shims/shim_in_place.h"

#include "shims/shim_code.h"

namespace fdfkit::shims {

using generators::banjo::FieldOf;
using generators::banjo::Shape;

std::string ElementWriteBackToBanjo(const ElementWriteBack& w, const std::string& indent) {
  // `op_list[i].data` — or `op_list[i]->data` for an @inner_pointer list of pointers.
  std::string element = w.param->c[0].name + (w.param->inner_pointer ? "[i]->" : "[i].");
  const std::string& count = w.param->c[1].name;
  std::string entries = "response." + Field(w.field);
  std::string fits, copy;
  for (const ElementWriteBack::Written& f : w.fields) {
    Param field = FieldOf(*f.banjo, false);
    std::string from = entries + "[i]." + Field(f.fidl);
    std::string number = field.element_type == "void" ? "uint8_t" : field.element_type;
    fits += std::string(fits.empty() ? "" : " && ") + from + ".count() <= " + element +
            field.c[1].name;
    copy += " ::fdfkit::shims::CopyNumbers(" + from + ", reinterpret_cast<" + number + "*>(" +
            element + field.c[0].name + "));";
  }
  return indent + "if (zx_status_t s = ::fdfkit::shims::WriteBackElements(\n" + indent +
         "        " + entries + ".count(), " + count + ",\n" + indent +
         "        [&](size_t i) { return " + fits + "; },\n" + indent +
         "        [&](size_t i) {" + copy + " });\n" + indent + "    s != ZX_OK) {\n" + indent +
         "  copied = s;\n" + indent + "}\n";
}

ReplyValue ElementWriteBackToWire(const Conversions& conversions, const ElementWriteBack& w,
                                  const std::string& indent) {
  std::string element = "v_" + w.param->c[0].name + (w.param->inner_pointer ? "[i]->" : "[i].");
  std::string count = "v_" + w.param->c[1].name;
  std::string local = "written_" + w.field->name;
  std::string statements = indent + "::fidl::VectorView<" + WireType(*w.field->type.element) +
                           "> " + local + "(arena, " + count + ");\n" + indent +
                           "for (size_t i = 0; i < " + count + "; ++i) {\n";
  for (const ElementWriteBack::Written& f : w.fields) {
    Param field = FieldOf(*f.banjo, false);
    std::vector<std::string> c;
    for (const auto& d : field.c) c.push_back(element + d.name);
    // Views of the buffers the callee wrote: the request's own copies, on `arena`.
    statements += indent + "  " + local + "[i]." + Field(f.fidl) + " = " +
                  conversions.ToWire(field, f.fidl->type, c) + ";\n";
  }
  return {statements + indent + "}\n", local};
}

namespace {

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

const Param* OpSizeParam(const MethodSignature& m) {
  const Param* size = nullptr;
  for (const Param& p : m.out) {
    if (p.shape != Shape::kScalar && p.shape != Shape::kAggregate) return nullptr;
    if (p.shape == Shape::kScalar && EndsWith(p.name, "op_size")) size = &p;
  }
  return size;
}

// `uint64_t get_request_size(void* ctx)` (usb's).
bool ReturnsRequestSize(const MethodSignature& m) {
  return m.returned && m.out.empty() && m.method->name == "GetRequestSize" &&
         m.return_type != "zx_status_t" && IsScalar(m.returned->type);
}

}  // namespace

const MethodPlan* OpSizeMethod(const ProtocolPlan& plan) {
  for (const MethodPlan& m : plan.methods) {
    const MethodSignature& s = *m.banjo;
    if (!s.in.empty() || s.is_async || !s.callback.empty()) continue;
    if ((!s.returned && OpSizeParam(s)) || ReturnsRequestSize(s)) return &m;
  }
  return nullptr;
}

std::string OpSizeOut(const MethodSignature& m) {
  return m.returned ? std::string() : "out_v_" + OpSizeParam(m)->name;
}

}  // namespace fdfkit::shims
