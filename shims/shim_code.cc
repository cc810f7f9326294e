// The pieces of C++ every shim class is written from: the locals a banjo value is kept in, the
// forms a parameter takes, and the names of the types on both sides.
#include "shims/shim_code.h"

#include <sstream>

#include "generators/cpp/cpp_names.h"

namespace fdfkit::shims {

using generators::banjo::CDeclarator;
using generators::banjo::Shape;

Locals LocalsFor(const Param& p, const std::string& indent, const std::string& prefix) {
  Locals l;
  Param field = generators::banjo::FieldOf(*p.member, false);
  for (const CDeclarator& d : field.c) {
    std::string name = prefix + d.name;
    std::string type = d.type;
    if (p.shape == Shape::kString && d.suffix.empty()) type = "const char*";
    if (p.shape == Shape::kVector && p.mutable_data && d.name == field.c[0].name) {
      type = p.element_type + (p.inner_pointer ? "**" : "*");
    }
    l.declarations += indent + type + " " + name + d.suffix + "{};\n";
    l.field_form.push_back(name);
    l.arguments.push_back(p.shape == Shape::kAggregate ? "&" + name : name);
  }
  return l;
}

std::vector<std::string> InFieldForm(const Param& p) {
  if (p.shape == Shape::kAggregate) return {"*" + p.c[0].name};
  std::vector<std::string> out;
  for (const CDeclarator& d : p.c) out.push_back(d.name);
  return out;
}

bool IsStatus(const Param& p) { return p.value_type == "zx_status_t"; }

bool KeepsMemory(const MethodPlan& plan) {
  // An @async callback has run by the time the call returns: nothing to keep.
  // A request handed back later is written back by its completion, into the caller's own.
  if (plan.left_out || plan.banjo->is_async || plan.completion) return false;
  for (const Binding& b : plan.bindings) {
    // An @in_out struct is written back with pointers into the call's arena.
    if (b.role == Binding::Role::kIn && b.param->mutable_data &&
        b.param->shape == Shape::kAggregate) {
      return true;
    }
    if (b.role == Binding::Role::kIn || b.role == Binding::Role::kReturned) continue;
    Shape shape = b.param->shape;
    bool caller_owned = !b.param->callee_allocated &&
                        (shape == Shape::kString || shape == Shape::kVector) &&
                        b.role == Binding::Role::kOut;
    if (shape != Shape::kScalar && shape != Shape::kHandle && !caller_owned) return true;
  }
  return false;
}

std::string FidlProtocol(const ProtocolPlan& plan) {
  return generators::cpp::DeclName(*plan.fidl);
}
std::string Field(const flat::StructMember* f) {
  return generators::cpp::Escape(f->name);
}
bool IsCallback(const ProtocolPlan& plan) {
  return plan.banjo.layout == generators::banjo::Layout::kCallback;
}
std::string ProtoType(const ProtocolPlan& plan) {
  return IsCallback(plan) ? plan.banjo.snake + "_t" : plan.banjo.names.proto_type;
}
bool PassesInterfaces(const ProtocolPlan& plan) {
  for (const MethodPlan& m : plan.methods) {
    for (const Binding& b : m.bindings) {
      if (!b.reverse.empty()) return true;
    }
  }
  return false;
}
std::string Returning(const MethodSignature& m, const std::string& status) {
  if (m.return_type == "void") return "return;";
  if (m.return_type == "zx_status_t") return "return " + status + ";";
  return "return " + m.return_type + "{};";
}

std::string WireTypeDefault(const flat::Type& type) { return WireType(type) + "{}"; }

std::string Indented(const std::string& lines, const std::string& more) {
  std::string out;
  size_t start = 0;
  while (start < lines.size()) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size() - 1;
    out += more + lines.substr(start, end - start + 1);
    start = end + 1;
  }
  return out;
}

InLocals InLocalsFromWire(const Conversions& conversions, const MethodSignature& m,
                          const std::vector<Binding>& bindings, const FieldSource& from,
                          bool copy, const ParamHook& hook, const std::string& access) {
  InLocals locals;
  std::ostringstream statements;
  for (const Param& p : m.in) {
    const Binding* b = nullptr;
    for (const Binding& candidate : bindings) {
      if (candidate.param == &p) b = &candidate;
    }
    locals.first_argument[&p] = locals.arguments.size();
    if (b && hook && hook(p, *b, &locals.arguments, statements)) continue;
    Locals named = LocalsFor(p, "    ");
    Locals used = LocalsFor(p, "    ", access + "v_");
    locals.declarations += named.declarations;
    if (b && b->field) {
      statements << conversions.ToBanjo(p, b->field->type, from(b->field), used.field_form,
                                        "    ", copy);
    }
    locals.arguments.insert(locals.arguments.end(), used.arguments.begin(), used.arguments.end());
    locals.close_lent += conversions.CloseLent(p, named.field_form, "    ");
    locals.close_moved += Conversions::CloseMoved(p, named.field_form, "    ");
  }
  locals.conversions = statements.str();
  return locals;
}

std::string TransportNs(const ProtocolPlan& plan) { return plan.channel ? "::fidl" : "::fdf"; }

std::string BanjoOverName(const ProtocolPlan& plan) {
  return plan.banjo.protocol->name.name + (plan.channel ? "BanjoOverChannel" : "BanjoOverDriver");
}

std::string OverBanjoName(const ProtocolPlan& plan) {
  return plan.banjo.protocol->name.name + (plan.channel ? "ChannelOverBanjo" : "DriverOverBanjo");
}

std::string TransportText(const ProtocolPlan& plan) {
  return plan.channel ? "Zircon-channel" : "driver-transport";
}

}  // namespace fdfkit::shims
