// The shims of an interface mapping.json turned into events: the client shim's handler that
// hands each event to the banjo interface registered, and the server shim's interface whose calls
// become events (shims/README.md, "Events").
#include "shims/shim_events.h"

#include <sstream>

#include "generators/banjo/banjo_text.h"
#include "generators/cpp/cpp_names.h"
#include "shims/shim_code.h"

namespace fdfkit::shims {

using generators::banjo::CDeclarator;

std::string EventsComment(const ProtocolPlan& plan) {
  if (!plan.events) return "";
  return "// Its events reach the banjo " + plan.events->banjo.names.proto_type +
         " registered through " + plan.events->registering->method->name +
         ",\n// on `dispatcher` (without one, calls fail with ZX_ERR_BAD_STATE).\n";
}
// The FIDL events, converted to banjo (copied: an event may wait for the interface) and
// handed to the interface the client registers, through an EventRelay.
void WriteEventHandler(const ProtocolPlan& plan, const Conversions& conversions,
                       std::ostream& out) {
  const EventsPlan& events = *plan.events;
  const std::string& proto = events.banjo.names.proto_type;
  out << "  using Relay = ::fdfkit::shims::EventRelay<" << proto << ">;\n"
      << "  class Events : public ::fdf::WireAsyncEventHandler<" << FidlProtocol(plan)
      << "> {\n   public:\n    explicit Events(std::shared_ptr<Relay> relay) : "
      << "relay_(std::move(relay)) {}\n";
  for (const EventPlan& e : events.methods) {
    if (!e.fidl || e.left_out) continue;
    std::string name = generators::cpp::Escape(e.fidl->name);
    out << "    void " << name << "(::fidl::WireEvent<" << FidlProtocol(plan) << "::" << name
        << ">* event) override {\n      ::fdf::Arena arena(::fdfkit::shims::kArenaTag);\n";
    InLocals locals = InLocalsFromWire(
        conversions, *e.banjo, e.bindings,
        [](const flat::StructMember* f) { return "event->" + Field(f); }, /*copy=*/true);
    std::vector<std::string> args = {"target->ctx"};
    args.insert(args.end(), locals.arguments.begin(), locals.arguments.end());
    // The interface borrows what the event lent: closed after the call, or when the event is
    // dropped (null target) without one, which also closes what it would have moved.
    out << Indented(locals.declarations + locals.conversions, "  ")
        << "      relay_->Deliver(std::move(arena), [=](const " << proto << "* target) {\n"
        << "        if (target) {\n          target->ops->" << e.banjo->names.c_ops_member << "("
        << generators::banjo::Join(args) << ");\n        }"
        << (locals.close_moved.empty()
                ? "\n"
                : " else {\n" + Indented(locals.close_moved, "      ") + "        }\n")
        << Indented(locals.close_lent, "    ") << "      });\n    }\n";
  }
  out << "   private:\n    std::shared_ptr<Relay> relay_;\n  };\n";
}

// The interface the shim registers with a banjo server whose FIDL clients get events: each
// call becomes an event on the connection ServeEvents named.
void WriteEventSender(const ProtocolPlan& plan, const Conversions& conversions,
                      std::ostream& out) {
  const EventsPlan& events = *plan.events;
  out << " private:\n";
  for (const EventPlan& e : events.methods) {
    const MethodSignature& m = *e.banjo;
    std::vector<CDeclarator> params = {{"void*", "ctx", ""}};
    for (const CDeclarator& d : m.CParams()) params.push_back(d);
    out << "  static " << m.return_type << " Event" << m.method->name << "("
        << generators::banjo::ParameterList(params) << ") {\n";
    if (!e.fidl || e.left_out) {
      out << "    // Not an event of " << plan.fidl->name.name << ": FIDL clients cannot answer.\n"
          << "    (void)ctx;\n";
      for (const CDeclarator& d : m.CParams()) out << "    (void)" << d.name << ";\n";
      out << "    " << Returning(m, "ZX_ERR_NOT_SUPPORTED") << "\n  }\n";
      continue;
    }
    std::vector<std::string> values;
    for (const flat::StructMember* field : e.fields) {
      const Binding* b = e.ForField(field);
      values.push_back(b ? conversions.ToWire(*b->param, field->type, InFieldForm(*b->param),
                                              Handles::kLent)
                         : WireTypeDefault(field->type));
    }
    out << "    if (auto binding = static_cast<EventsTo*>(ctx)->binding()) {\n"
        << "      ::fdf::Arena arena(::fdfkit::shims::kArenaTag);\n"
        << "      // A connection already gone drops the event, as a closed channel would.\n"
        << "      (void)::fdf::WireSendEvent(*binding).buffer(arena)->"
        << generators::cpp::Escape(e.fidl->name) << "(" << generators::banjo::Join(values)
        << ");\n    }\n" << (m.return_type == "void" ? "" : "    " + Returning(m, "ZX_OK") + "\n")
        << "  }\n";
  }
  out << "  static constexpr " << events.banjo.names.ops_type << " kInterfaceOps = {\n";
  for (const EventPlan& e : events.methods) {
    out << "      ." << e.banjo->names.c_ops_member << " = Event" << e.banjo->method->name
        << ",\n";
  }
  out << "  };\n  using EventsTo = ::fdfkit::shims::EventSink<" << FidlProtocol(plan) << ", "
      << events.banjo.names.proto_type << ", " << events.banjo.names.ops_type << ">;\n";
}

}  // namespace fdfkit::shims
