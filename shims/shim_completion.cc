#include "shims/shim_completion.h"

#include <sstream>

#include "generators/banjo/banjo_text.h"
#include "generators/cpp/cpp_names.h"
#include "shims/shim_code.h"

namespace fdfkit::shims {
namespace {

using generators::banjo::FieldOf;
using generators::banjo::Shape;
using Role = Binding::Role;

// Whether a value of `type` is all in place: numbers, and arrays and structs of them.
bool InlineOnly(const flat::Type& type) {
  if (IsScalar(type)) return true;
  if (type.kind == flat::Type::Kind::kArray) return InlineOnly(*type.element);
  if (type.kind != flat::Type::Kind::kIdentifier || !type.decl || type.nullable ||
      type.decl->kind != flat::Decl::Kind::kStruct) {
    return false;
  }
  for (const flat::StructMember& member : static_cast<const flat::Struct&>(*type.decl).members) {
    if (!InlineOnly(member.type)) return false;
  }
  return true;
}

// What of the banjo struct `decl` (at member path `prefix`) a write-back must know: its
// zx.Status members, and its pointer + count members (only at the top, where the caller's own
// buffers are known); why it cannot be written back without pointing into freed memory, if so.
std::optional<std::string> WalkRequest(const flat::Decl& decl, const std::string& prefix,
                                       std::vector<std::string>* statuses,
                                       std::vector<Completion::Buffer>* buffers) {
  if (decl.kind != flat::Decl::Kind::kStruct) {
    return "'" + (prefix.empty() ? decl.name.name : prefix.substr(0, prefix.size() - 1)) +
           "' is a union or table, whose members the shims cannot follow";
  }
  for (const flat::StructMember& member : static_cast<const flat::Struct&>(decl).members) {
    Param field = FieldOf(member, false);
    std::string path = prefix + field.c[0].name;
    switch (field.shape) {
      case Shape::kScalar:
        if (field.value_type == "zx_status_t") statuses->push_back(path);
        break;
      case Shape::kHandle:
      case Shape::kServerEnd:
        break;  // KeepOwnHandles puts the caller's back
      case Shape::kArray:
        if (!IsScalar(*member.type.element)) return "'" + path + "' is an array of structs";
        break;
      case Shape::kAggregate:
        if (auto why = WalkRequest(*field.decl, path + ".", statuses, buffers)) return why;
        break;
      case Shape::kVector:
        if (!prefix.empty()) return "'" + path + "' is a buffer inside a nested struct";
        // Copied into the caller's buffer as they are: elements must point at nothing.
        if (!InlineOnly(*member.type.element)) {
          return "'" + path + "' holds elements with handles or out-of-line data";
        }
        buffers->push_back({field.c[0].name, field.c[1].name, field.mutable_data});
        break;
      default:
        return "'" + path + "' is a string, box or protocol";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> PlanCompletion(MethodPlan* plan) {
  const Binding* callback = nullptr;
  for (const Binding& b : plan->bindings) {
    if (b.foreign && !callback) callback = &b;
  }
  if (!callback) return std::nullopt;
  const Param& cb = *callback->param;
  const MethodSignature& m = *plan->banjo;
  std::string why = "'" + cb.name + "' passes " + cb.decl->name.Full() + ", which";
  if (m.is_async || m.return_type != "void" || !plan->response.empty()) {
    return why + " only a method answering nothing may pass (it hands a request back later)";
  }
  for (const Binding& b : plan->bindings) {
    if (&b != callback && !b.reverse.empty()) {
      return why + " must be the only interface or callback the method passes";
    }
  }
  Completion c;
  c.callback = &cb;
  generators::banjo::ProtocolSignature signature =
      generators::banjo::SignatureOf(static_cast<const flat::Protocol&>(*cb.decl));
  const Param* back = nullptr;
  if (signature.methods.size() == 1) {
    c.handed = signature.methods.front();
    if (c.handed.in.size() == 1 && c.handed.out.empty() && !c.handed.returned &&
        !c.handed.is_async) {
      back = &c.handed.in.front();
    }
  }
  if (!back || back->shape != Shape::kAggregate || !back->mutable_data) {
    return why + " does not hand back one @in_out struct";
  }
  int matches = 0;
  for (const Binding& b : plan->bindings) {
    const Param& p = *b.param;
    if (b.role == Role::kIn && p.shape == Shape::kAggregate && p.mutable_data &&
        p.value_type == back->value_type) {
      c.request = &p;
      c.request_field = b.field;
      ++matches;
    }
  }
  if (matches != 1) {
    return why + " hands back a " + back->value_type + ", not one @in_out parameter of this method";
  }
  c.fidl = static_cast<const flat::Protocol*>(callback->field->type.decl);
  int methods = 0;
  for (const flat::Method* f : c.fidl->all_methods) {
    if (f->is_event) continue;
    c.method = f;
    ++methods;
  }
  std::vector<const flat::StructMember*> fields;
  if (c.method) fields = generators::banjo::PayloadMembers(c.method->request);
  if (methods != 1 || !c.method->has_response || fields.size() != 1 || !fields[0]->type.decl ||
      !c.request_field->type.decl ||
      fields[0]->type.decl->name.Full() != c.request_field->type.decl->name.Full()) {
    return why + "'s clone " + c.fidl->name.Full() + " is not one two-way method handing back " +
           (c.request_field->type.decl ? c.request_field->type.decl->name.Full() : "it");
  }
  std::vector<std::string> statuses;
  if (auto problem = WalkRequest(*back->decl, "", &statuses, &c.buffers)) {
    return why + " hands back " + back->value_type + ", where " + *problem;
  }
  if (statuses.size() != 1) {
    return why + " hands back " + back->value_type + ", which holds " +
           (statuses.empty() ? "no" : "more than one") + " zx.Status to report a cancellation in";
  }
  c.status = statuses.front();
  plan->completion = std::move(c);
  return std::nullopt;
}

std::string CompletionClassName(const ProtocolPlan& protocol, const MethodPlan& plan) {
  return protocol.banjo.protocol->name.name + plan.banjo->method->name + "Completion";
}

std::string CompletionClass(const ProtocolPlan& protocol, const MethodPlan& plan,
                            const Conversions& conversions) {
  const Completion& c = *plan.completion;
  std::string cls = CompletionClassName(protocol, plan);
  std::string request = c.request->value_type;
  std::string callback = c.callback->value_type;
  std::string method = generators::cpp::Escape(c.method->name);
  const flat::StructMember* field = generators::banjo::PayloadMembers(c.method->request).front();
  std::ostringstream out;
  out << "// Hands a " << request << " queued through " << protocol.banjo.protocol->name.name
      << "." << plan.banjo->method->name << " back to its banjo caller\n// through the caller's "
      << callback << ", exactly once: with what the FIDL\n// server wrote into it, or with "
      << "a failure status in `" << c.status << "` when the call failed\n// or the server "
      << "let the callback go unanswered (ZX_ERR_CANCELED). Served on the caller's\n"
      << "// dispatcher.\nclass " << cls << " : public ::fdf::WireServer<"
      << generators::cpp::DeclName(*c.fidl) << ">, public ::fdfkit::shims::HandBack {\n"
      << " public:\n  " << cls << "(" << request
      << "* own, const " << callback << "* callback)\n      : own_(own), callback_(*callback) "
      << "{}\n\n  void " << method << "(" << method << "RequestView request, ::fdf::Arena& arena, "
      << method << "Completer::Sync& completer) override {\n"
      << "    // Answered already (or cancelled): the message closes the handles it holds.\n"
      << "    if (!Claim()) {\n      completer.buffer(arena).Reply();\n      return;\n    }\n"
      << "    " << request << " written{};\n"
      << conversions.ToBanjo(*c.request, field->type, "request->" + Field(field), {"written"},
                             "    ")
      << conversions.CloseLent(*c.request, {"written"}, "    ");
  if (!conversions.CloseLent(*c.request, {"written"}, "").empty()) {
    out << "    KeepOwnHandles(*own_, &written);\n";
  }
  // Nothing may point into `arena` once this returns: buffers go into the caller's own.
  for (const Completion::Buffer& b : c.buffers) {
    out << "    ::fdfkit::shims::KeepOwnBuffer(own_->" << b.list << ", own_->" << b.count
        << ", " << (b.writable ? "true" : "false") << ", &written." << b.list << ", &written."
        << b.count << ");\n";
  }
  out << "    *own_ = written;\n    callback_.callback(callback_.ctx, own_);\n"
      << "    completer.buffer(arena).Reply();\n  }\n\n"
      << " private:\n  // No answer is coming: the caller gets its request back as it was, but "
      << "for the status.\n  void Cancel(zx_status_t status) override {\n"
      << "    if (!Claim()) return;\n    own_->" << c.status << " = status;\n"
      << "    callback_.callback(callback_.ctx, own_);\n  }\n\n"
      << "  " << request << "* own_;\n  " << callback << " callback_;\n};\n\n";
  return out.str();
}

std::string CompletionBanjoCall(const ProtocolPlan& protocol, const MethodPlan& plan,
                                const Conversions& conversions) {
  const Completion& c = *plan.completion;
  const std::string& cb = c.callback->c[0].name;
  std::ostringstream out;
  out << "    // Nothing to hand the request back through.\n    if (" << cb
      << " == nullptr) return;\n    ::fdf::Arena arena(::fdfkit::shims::kArenaTag);\n";
  // Converted first: the wire values own the handles the call moves, and close them when it
  // fails before the call.
  std::vector<std::string> args;
  for (const flat::StructMember* field : plan.request) {
    const Binding* b = plan.ForField(field);
    if (b && b->param == c.callback) {
      args.push_back("std::move(completion_end)");
      continue;
    }
    std::string local = "wire_" + field->name;
    out << "    auto " << local << " = "
        << (b && b->role == Role::kIn
                ? conversions.ToWire(*b->param, field->type, InFieldForm(*b->param),
                                     Handles::kLent)
                : WireTypeDefault(field->type))
        << ";\n";
    args.push_back("std::move(" + local + ")");
  }
  out << "    auto completion = std::make_shared<" << CompletionClassName(protocol, plan) << ">("
      << c.request->c[0].name << ", " << cb << ");\n";
  // A protocol with events holds a shared client, which may have no dispatcher to be bound on.
  if (protocol.events) {
    out << "    if (!self->client_.is_valid()) {\n      completion->Fail(ZX_ERR_BAD_STATE);\n"
        << "      return;\n    }\n";
  }
  out << "    ::fdf::ClientEnd<" << generators::cpp::DeclName(*c.fidl) << "> completion_end;\n"
      << "    if (zx_status_t s = ::fdfkit::shims::ServeCompletion(self->dispatcher_, completion, "
      << "&completion_end);\n        s != ZX_OK) {\n      completion->Fail(s);\n"
      << "      return;\n    }\n    auto result = self->client_"
      << (protocol.events ? ".sync()" : "") << ".buffer(arena)->" << plan.fidl_name << "(" << generators::banjo::Join(args) << ");\n"
      << "    completion->CallReturned(result.ok() ? ZX_OK : "
      << "::fdfkit::shims::TransportStatus(result.status()));\n";
  return out.str();
}

std::string CompletionFidlCall(const flat::Method& fidl, const MethodPlan& plan,
                               const Conversions& conversions, const std::string& target,
                               bool sized) {
  const Completion& c = *plan.completion;
  const MethodSignature& m = *plan.banjo;
  std::string name = generators::cpp::Escape(fidl.name);
  std::string client = "::fdf::WireSharedClient<" + generators::cpp::DeclName(*c.fidl) + ">";
  const flat::StructMember* callback_field = nullptr;
  auto hook = [&](const Param& p, const Binding& b, std::vector<std::string>* args,
                  std::ostream&) {
    if (&p != c.callback) return false;
    callback_field = b.field;
    args->push_back("&pending->banjo_callback");
    return true;
  };
  InLocals locals = InLocalsFromWire(
      conversions, m, plan.bindings,
      [](const flat::StructMember* field) { return "request->" + Field(field); },
      /*copy=*/true, hook, "pending->");
  const Param& back = c.handed.in.front();
  const flat::StructMember* back_field =
      generators::banjo::PayloadMembers(c.method->request).front();
  std::vector<generators::banjo::CDeclarator> params = {{"void*", "ctx", ""}};
  params.insert(params.end(), back.c.begin(), back.c.end());
  std::ostringstream out;
  out << "    // The banjo server owns the request until its callback hands it back: the request "
      << "(with\n    // the server's private part) and the FIDL caller's client end live in "
      << "`pending` till then.\n    struct Pending {\n"
      << "      ::fdf::Arena arena{::fdfkit::shims::kArenaTag};\n"
      << Indented(locals.declarations, "  ") << "      " << client << " callback;\n      "
      << c.callback->value_type << " banjo_callback{};\n";
  if (!locals.close_lent.empty()) {
    out << "      ~Pending() {\n" << Indented(locals.close_lent, "    ") << "      }\n";
  }
  out << "    };\n    auto* pending = new Pending;\n";
  if (!locals.conversions.empty()) {
    out << "    {\n      ::fdf::Arena& arena = pending->arena;\n      (void)arena;  // not every conversion allocates\n"
        << Indented(locals.conversions, "  ") << "    }\n";
  }
  // Asynchronous, so that a banjo server completing on a dispatcher thread (inline, on an
  // error) reaches the caller too; its answer is of no use to anyone.
  out << "    pending->callback = " << client << "(std::move(request->" << Field(callback_field)
      << "), fdf_dispatcher_get_current_dispatcher());\n"
      << "    pending->banjo_callback = {[](" << generators::banjo::ParameterList(params)
      << ") {\n      std::unique_ptr<Pending> pending(static_cast<Pending*>(ctx));\n"
      << "      ::fdf::Arena arena(::fdfkit::shims::kArenaTag);\n"
      << "      pending->callback.buffer(arena)->" << generators::cpp::Escape(c.method->name)
      << "(" << conversions.ToWire(back, back_field->type, InFieldForm(back), Handles::kLent)
      << ").Then([](auto&) {});\n    }, pending};\n";
  std::vector<std::string> args = {"banjo_.ctx"};
  if (sized) {
    std::string& argument = locals.arguments[locals.first_argument.at(c.request)];
    out << "    auto* owned = ::fdfkit::shims::WithPrivatePart(" << argument
        << ", pending->arena, OpSize());\n";
    argument = "owned";
  }
  args.insert(args.end(), locals.arguments.begin(), locals.arguments.end());
  out << "    " << target << "(" << generators::banjo::Join(args) << ");\n";
  if (fidl.has_response) out << "    completer.buffer(arena).Reply();\n";
  return out.str();
}

}  // namespace fdfkit::shims
