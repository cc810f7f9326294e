// Protocol messaging for one transport: method markers with the traits the runtime reads, sync
// and async clients, the server interface with its dispatch table, completers, event handlers and
// event senders. Everything transport-specific is a name chosen here; the behaviour lives in the
// runtime (runtime/include/lib/fidl/cpp/wire/internal/).
#include <algorithm>
#include <cctype>
#include <sstream>

#include "generators/cpp/cpp_generator.h"
#include "generators/cpp/cpp_names.h"

namespace fdfkit::generators::cpp {
namespace {

using flat::Decl;

struct Param {
  std::string type;
  std::string name;
};

class ProtocolWriter {
 public:
  ProtocolWriter(const flat::Protocol& protocol, bool driver, std::ostringstream& out)
      : p_(protocol), driver_(driver), out_(out), name_(DeclName(protocol)) {}

  void WriteMarkers() {
    out_ << "class " << Escape(p_.name.name) << " final {\n public:\n  "
         << Escape(p_.name.name) << "() = delete;\n"
         << "  static constexpr ::fidl::internal::Openness kOpenness = "
         << "::fidl::internal::Openness::" << Openness() << ";\n"
         << "  using Transport = ::fidl::internal::"
         << (driver_ ? "DriverTransport" : "ChannelTransport") << ";\n";
    // @discoverable: the name a namespace publishes it under (fidl::DiscoverableProtocolName).
    if (std::optional<std::string> name = AttributeValue(p_.attrs, "discoverable")) {
      std::string published = *name;
      if (published.size() >= 2 && published.front() == '"') published = published.substr(1, published.size() - 2);
      if (published.empty()) published = p_.name.library + "." + p_.name.name;
      out_ << "  static constexpr char kDiscoverableName[] = \"" << published << "\";\n";
    }
    for (const flat::Method* m : p_.all_methods) out_ << "  class " << Escape(m->name) << ";\n";
    out_ << "};\n\n";
    for (const flat::Method* m : p_.all_methods) WriteMethodMarker(*m);
  }

  void WriteMessaging() {
    WriteSyncClient();
    WriteAsyncClient();
    WriteCompleters();
    WriteServer();
    WriteEventHandler();
    WriteEventSender();
  }

 private:
  std::string Openness() const {
    switch (p_.openness) {
      case flat::Protocol::Openness::kOpen: return "kOpen";
      case flat::Protocol::Openness::kAjar: return "kAjar";
      default: return "kClosed";
    }
  }
  std::string Marker(const flat::Method& m) const { return name_ + "::" + Escape(m.name); }
  std::string Ns() const { return driver_ ? "::fdf" : "::fidl"; }
  // An explicit specialization's class-head names the template without the leading "::" (gcc
  // rejects a globally qualified class-head; the code is emitted at global scope).
  static std::string ClassHead(const std::string& qualified) {
    return qualified.rfind("::", 0) == 0 ? qualified.substr(2) : qualified;
  }
  std::string ArenaArg() const { return "::fidl::internal::FdfArenaOf(*arena_)"; }

  static std::string ResultShape(const flat::Method& m) {
    if (!m.has_response || m.is_event) return "kNone";
    if (m.has_result_union()) return m.error ? "kErrorResult" : "kFlexible";
    return m.response ? "kPayload" : "kNone";
  }
  // The success payload struct, or null for `-> ()` (an empty struct).
  static const flat::Struct* SuccessStruct(const flat::Method& m) {
    if (!m.success || m.success->decl == nullptr) return nullptr;
    const auto* s = static_cast<const flat::Struct*>(m.success->decl);
    return s->members.empty() ? nullptr : s;
  }

  void WriteMethodMarker(const flat::Method& m) {
    bool two_way = m.has_response && !m.is_event;
    // Events carry their payload in the "request" slot (fidlc names it <P><Event>Request).
    const std::optional<flat::Type>& request = m.is_event ? m.response : m.request;
    out_ << "class " << ClassHead(Marker(m)) << " final {\n public:\n"
         << "  using Protocol = " << name_ << ";\n"
         << "  static constexpr uint64_t kOrdinal = 0x" << std::hex << m.ordinal << std::dec
         << "ull;\n"
         << "  static constexpr bool kTwoWay = " << (two_way ? "true" : "false") << ";\n"
         << "  static constexpr bool kIsEvent = " << (m.is_event ? "true" : "false") << ";\n"
         << "  static constexpr bool kFlexible = " << (m.strict ? "false" : "true") << ";\n"
         << "  static constexpr ::fidl::internal::ResultShape kResultShape = "
         << "::fidl::internal::ResultShape::" << ResultShape(m) << ";\n";
    WriteBody("Request", request);
    WriteBody("Response", two_way ? m.response : std::nullopt);
    if (m.has_result_union() && two_way) {
      out_ << "  using ErrorType = "
           << (m.error ? WireTypeName(*m.error) : std::string("void")) << ";\n";
      const flat::Struct* success = SuccessStruct(m);
      out_ << "  using SuccessType = " << (success ? DeclName(*success) : std::string("void"))
           << ";\n";
    }
    out_ << "};\n\n";
  }

  void WriteBody(const std::string& direction, const std::optional<flat::Type>& body) {
    if (body && body->decl != nullptr) {
      out_ << "  using " << direction << "Body = " << DeclName(*body->decl) << ";\n"
           << "  static constexpr const ::fidl::internal::FidlType* k" << direction
           << "Type = &" << CodingName(*body->decl) << ";\n";
    } else {
      out_ << "  using " << direction << "Body = void;\n"
           << "  static constexpr const ::fidl::internal::FidlType* k" << direction
           << "Type = nullptr;\n";
    }
  }

  // Flattened parameters of a payload: struct fields one by one, a table or union as one.
  static std::vector<Param> Params(const std::optional<flat::Type>& payload) {
    std::vector<Param> params;
    if (!payload || payload->decl == nullptr) return params;
    if (payload->decl->kind == Decl::Kind::kStruct) {
      for (const auto& f : static_cast<const flat::Struct*>(payload->decl)->members) {
        params.push_back({WireTypeName(f.type), Escape(f.name)});
      }
    } else {
      params.push_back({DeclName(*payload->decl), "payload"});
    }
    return params;
  }
  static std::string Signature(const std::vector<Param>& params) {
    std::string out;
    for (const Param& p : params) out += (out.empty() ? "" : ", ") + p.type + " " + p.name;
    return out;
  }
  // Statement filling message->body from the parameters.
  static std::string Fill(const std::optional<flat::Type>& payload,
                          const std::vector<Param>& params) {
    if (!payload || payload->decl == nullptr) return "";
    std::string args;
    for (const Param& p : params) args += (args.empty() ? "" : ", ") + ("std::move(" + p.name + ")");
    if (payload->decl->kind == Decl::Kind::kStruct) {
      return "    message->body = " + DeclName(*payload->decl) + "{" + args + "};\n";
    }
    return "    message->body = std::move(payload);\n";
  }
  std::string NewMessage(const flat::Method& m, const std::string& direction) const {
    return "    auto* message = ::fidl::internal::NewMessage<" + Marker(m) + "::" + direction +
           "Body>(*arena_, " + Marker(m) + "::kOrdinal, " + Marker(m) + "::kFlexible);\n";
  }
  std::string ResultType(const flat::Method& m) const {
    return Ns() + "::WireUnownedResult<" + Marker(m) + ">";
  }

  void WriteSyncClient() {
    out_ << "template <>\nclass fidl::internal::WireSyncBufferClientImpl<" << name_
         << "> {\n public:\n  WireSyncBufferClientImpl(uint32_t channel, ::fidl::AnyArena* arena)"
         << " : channel_(channel), arena_(arena) {}\n";
    if (driver_) {
      // client.sync(): the same calls on the channel an async client has bound.
      out_ << "  WireSyncBufferClientImpl(std::shared_ptr<::fidl::internal::ClientCore> core, "
              "::fidl::AnyArena* arena)\n      : channel_(0), on_core_(true), core_(std::move(core)), "
              "arena_(arena) {}\n";
    }
    out_ << "  WireSyncBufferClientImpl* operator->() { return this; }\n";
    for (const flat::Method* m : p_.all_methods) {
      if (m->is_event) continue;
      auto params = Params(m->request);
      bool two_way = m->has_response;
      out_ << "  " << (two_way ? ResultType(*m) : "::fidl::OneWayStatus") << " "
           << Escape(m->name) << "(" << Signature(params) << ") {\n"
           << NewMessage(*m, "Request") << Fill(m->request, params);
      if (two_way) {
        if (driver_) {
          out_ << "    if (on_core_) return ::fdf::internal::CoreSyncCall<" << Marker(*m)
               << ">(core_.get(), message, " << ArenaArg() << ");\n";
        }
        out_ << "    return " << (driver_ ? "::fdf::internal::SyncCall<" : "::fidl::internal::ChannelSyncCall<")
             << Marker(*m) << ">(channel_, message, " << ArenaArg() << ");\n";
      } else {
        out_ << "    message->header.txid = 0;\n";
        if (driver_) {
          out_ << "    if (on_core_) {\n      if (!core_) return ::fidl::Status::Unbound();\n"
               << "      return core_->SendOneWay(message, " << Marker(*m) << "::kRequestType, "
               << ArenaArg() << ");\n    }\n";
        }
        out_ << "    return "
             << (driver_ ? "::fdf::internal::DriverSend(channel_, message, "
                         : "::fidl::internal::ChannelSend(channel_, message, ")
             << Marker(*m) << "::kRequestType" << (driver_ ? ", " + ArenaArg() : "") << ");\n";
      }
      out_ << "  }\n";
    }
    out_ << "\n private:\n  uint32_t channel_;\n"
         << (driver_ ? "  bool on_core_ = false;\n  std::shared_ptr<::fidl::internal::ClientCore> core_;\n"
                     : "")
         << "  ::fidl::AnyArena* arena_;\n};\n\n";
  }

  void WriteAsyncClient() {
    out_ << "template <>\nclass fidl::internal::WireAsyncBufferClientImpl<" << name_
         << "> {\n public:\n"
         << "  WireAsyncBufferClientImpl(std::shared_ptr<::fidl::internal::ClientCore> core, "
            "::fidl::AnyArena* arena)\n      : core_(std::move(core)), arena_(arena) {\n"
         << "    if (arena_ == nullptr) {\n      owned_ = std::make_unique<::fidl::Arena<512>>();\n"
         << "      arena_ = owned_.get();\n    }\n  }\n"
         << "  WireAsyncBufferClientImpl* operator->() { return this; }\n";
    for (const flat::Method* m : p_.all_methods) {
      if (m->is_event) continue;
      auto params = Params(m->request);
      if (m->has_response) {
        out_ << "  ::fidl::internal::WireThenable<" << Marker(*m) << ", " << ResultType(*m)
             << "> " << Escape(m->name) << "(" << Signature(params) << ") {\n"
             << NewMessage(*m, "Request") << Fill(m->request, params)
             << "    return {core_, message, " << ArenaArg() << ", std::move(owned_)};\n  }\n";
      } else {
        out_ << "  ::fidl::OneWayStatus " << Escape(m->name) << "(" << Signature(params)
             << ") {\n" << NewMessage(*m, "Request") << Fill(m->request, params)
             << "    if (!core_) return ::fidl::Status::Unbound();\n"
             << "    return core_->SendOneWay(message, " << Marker(*m) << "::kRequestType, "
             << ArenaArg() << ");\n  }\n";
      }
    }
    out_ << "\n private:\n  std::shared_ptr<::fidl::internal::ClientCore> core_;\n"
         << "  ::fidl::AnyArena* arena_;\n  std::unique_ptr<::fidl::Arena<512>> owned_;\n};\n\n";
  }

  void WriteReplies(const flat::Method& m) {
    std::string shape = ResultShape(m);
    std::string send = "    return transaction_->Reply(message, " + Marker(m) +
                       "::kResponseType, " + ArenaArg() + ");\n";
    std::string body = Marker(m) + "::ResponseBody";
    if (shape == "kPayload" || shape == "kNone") {
      auto params = Params(m.response);
      out_ << "    ::fidl::OneWayStatus Reply(" << Signature(params) << ") {\n"
           << NewMessage(m, "Response") << Fill(m.response, params) << send << "    }\n";
      return;
    }
    const flat::Struct* success = SuccessStruct(m);
    std::vector<Param> params;
    std::string value = "::fidl::internal::kEmptyStruct";
    if (success) {
      params = Params(m.success);
      std::string args;
      for (const Param& p : params) args += (args.empty() ? "" : ", ") + ("std::move(" + p.name + ")");
      value = DeclName(*success) + "{" + args + "}";
    }
    std::string success_type = success ? DeclName(*success) : "";
    bool inline_success = !success || success->shape.inline_size <= 4;
    std::string with = inline_success
                           ? body + "::WithResponse(" + (success ? value : "{}") + ")"
                           : body + "::WithResponse(*arena_, " + value + ")";
    std::string name = shape == "kFlexible" ? "Reply" : "ReplySuccess";
    out_ << "    ::fidl::OneWayStatus " << name << "(" << Signature(params) << ") {\n"
         << NewMessage(m, "Response") << "    message->body = " << with << ";\n" << send
         << "    }\n";
    if (shape != "kErrorResult") return;
    std::string error = WireTypeName(*m.error);
    out_ << "    ::fidl::OneWayStatus ReplyError(" << error << " error) {\n"
         << NewMessage(m, "Response") << "    message->body = " << body
         << "::WithErr(std::move(error));\n" << send << "    }\n";
    if (success) {
      out_ << "    ::fidl::OneWayStatus Reply(::fit::result<" << error << ", " << success_type
           << "*> result) {\n      if (result.is_error()) return ReplyError(result.error_value());\n"
           << NewMessage(m, "Response") << "    message->body = " << body
           << (inline_success ? "::WithResponse(std::move(*result.value()));\n"
                              : "::WithResponse(::fidl::ObjectView<" + success_type +
                                    ">::FromExternal(result.value()));\n")
           << send << "    }\n";
    } else {
      out_ << "    ::fidl::OneWayStatus Reply(::fit::result<" << error << "> result) {\n"
           << "      if (result.is_error()) return ReplyError(result.error_value());\n"
           << "      return ReplySuccess();\n    }\n";
    }
  }

  void WriteCompleters() {
    for (const flat::Method* m : p_.all_methods) {
      if (m->is_event) continue;
      out_ << "template <>\nclass fidl::internal::WireCompleterImpl<" << Marker(*m)
           << "> : public ::fidl::internal::CompleterBase {\n public:\n"
           << "  using CompleterBase::CompleterBase;\n";
      if (m->has_response) {
        out_ << "  class Buffer {\n   public:\n"
             << "    Buffer(::fidl::internal::Transaction* transaction, ::fidl::AnyArena* arena)"
             << " : transaction_(transaction), arena_(arena) {}\n";
        WriteReplies(*m);
        out_ << "\n   private:\n    ::fidl::internal::Transaction* transaction_;\n"
             << "    ::fidl::AnyArena* arena_;\n  };\n"
             << "  Buffer buffer(" << (driver_ ? "const ::fdf::Arena& arena" : "::fidl::AnyArena& arena")
             << ") {\n    return Buffer(transaction_, const_cast<"
             << (driver_ ? "::fdf::Arena" : "::fidl::AnyArena") << "*>(&arena));\n  }\n";
        if (!driver_) {
          out_ << "  template <typename... Args>\n  ::fidl::OneWayStatus Reply(Args&&... args) {\n"
               << "    ::fidl::Arena<512> arena;\n"
               << "    return buffer(arena).Reply(std::forward<Args>(args)...);\n  }\n";
          if (ResultShape(*m) == "kErrorResult") {
            out_ << "  template <typename... Args>\n  ::fidl::OneWayStatus ReplySuccess(Args&&... args) {\n"
                 << "    ::fidl::Arena<512> arena;\n"
                 << "    return buffer(arena).ReplySuccess(std::forward<Args>(args)...);\n  }\n"
                 << "  template <typename E>\n  ::fidl::OneWayStatus ReplyError(E error) {\n"
                 << "    ::fidl::Arena<512> arena;\n    return buffer(arena).ReplyError(error);\n  }\n";
          }
        }
      }
      out_ << "};\n\n";
    }
  }

  void WriteServer() {
    bool unknown = p_.openness != flat::Protocol::Openness::kClosed;
    std::string server = Ns() + "::WireServer<" + name_ + ">";
    out_ << "template <>\nclass " << ClassHead(server) << " {\n public:\n  virtual ~WireServer() = default;\n";
    for (const flat::Method* m : p_.all_methods) {
      if (m->is_event) continue;
      std::string method = Escape(m->name);
      out_ << "  using " << method << "Completer = ::fidl::internal::WireCompleter<" << Marker(*m)
           << ">;\n";
      std::string args;
      if (m->request && m->request->decl) {
        out_ << "  using " << method << "RequestView = " << Marker(*m) << "::RequestBody*;\n";
        args = method + "RequestView request, ";
      }
      if (driver_) args += "::fdf::Arena& arena, ";
      out_ << "  virtual void " << method << "(" << args << method
           << "Completer::Sync& completer) = 0;\n";
    }
    if (unknown) {
      out_ << "  virtual void handle_unknown_method(::fidl::UnknownMethodMetadata<" << name_
           << "> metadata, ::fidl::UnknownMethodCompleter::Sync& completer) = 0;\n";
    }
    out_ << "};\n\ntemplate <>\nstruct fidl::internal::WireServerDispatch<" << name_
         << "> {\n";
    std::vector<const flat::Method*> methods;
    for (const flat::Method* m : p_.all_methods) {
      if (!m->is_event) methods.push_back(m);
    }
    std::sort(methods.begin(), methods.end(),
              [](auto* a, auto* b) { return a->ordinal < b->ordinal; });
    for (const flat::Method* m : methods) {
      std::string method = Escape(m->name);
      out_ << "  static void " << method
           << "(void* impl, [[maybe_unused]] ::fidl::internal::IncomingMessage& message, "
              "::fidl::internal::Transaction& transaction) {\n";
      std::string args;
      if (m->request && m->request->decl) {
        args = "static_cast<" + Marker(*m) + "::RequestBody*>(message.body()), ";
      }
      if (driver_) {
        out_ << "    ::fdf::Arena arena(message.ArenaForHandler());\n";
        args += "arena, ";
      }
      out_ << "    ::fidl::internal::WireCompleter<" << Marker(*m)
           << ">::Sync completer(&transaction);\n    static_cast<" << server << "*>(impl)->"
           << method << "(" << args << "completer);\n  }\n";
    }
    if (unknown) {
      out_ << "  static void Unknown(void* impl, uint64_t ordinal, ::fidl::UnknownMethodType type, "
              "::fidl::internal::Transaction& transaction) {\n"
           << "    ::fidl::UnknownMethodCompleter::Sync completer(&transaction);\n"
           << "    static_cast<" << server << "*>(impl)->handle_unknown_method({ordinal, type}, "
              "completer);\n  }\n";
    }
    if (!methods.empty()) {
      out_ << "  static constexpr ::fidl::internal::MethodEntry kEntries[] = {\n";
      for (const flat::Method* m : methods) {
        out_ << "      {" << Marker(*m) << "::kOrdinal, " << Marker(*m) << "::kRequestType, "
             << (m->has_response ? "true" : "false") << ", &" << Escape(m->name) << "},\n";
      }
      out_ << "  };\n";
    }
    out_ << "  static constexpr ::fidl::internal::ProtocolDispatch kDispatch = {"
         << (methods.empty() ? "nullptr" : "kEntries") << ", " << methods.size() << ", "
         << name_ << "::kOpenness, " << (unknown ? "&Unknown" : "nullptr") << "};\n};\n\n";
  }

  void WriteEventHandler() {
    bool unknown = p_.openness != flat::Protocol::Openness::kClosed;
    std::string handler = Ns() + "::WireAsyncEventHandler<" + name_ + ">";
    out_ << "template <>\nclass " << ClassHead(handler) << " {\n public:\n"
         << "  virtual ~WireAsyncEventHandler() = default;\n";
    std::vector<const flat::Method*> events;
    for (const flat::Method* m : p_.all_methods) {
      if (m->is_event) events.push_back(m);
    }
    for (const flat::Method* m : events) {
      out_ << "  virtual void " << Escape(m->name) << "("
           << (m->response && m->response->decl ? "::fidl::WireEvent<" + Marker(*m) + ">* /*event*/"
                                                 : "")
           << ") {}\n";
    }
    out_ << "  virtual void on_fidl_error(::fidl::UnbindInfo /*info*/) {}\n";
    if (unknown) {
      out_ << "  virtual void handle_unknown_event(::fidl::UnknownEventMetadata<" << name_
           << "> /*metadata*/) {}\n";
    }
    out_ << "};\n\ntemplate <>\nstruct fidl::internal::WireEventDispatch<" << name_ << "> {\n";
    std::sort(events.begin(), events.end(),
              [](auto* a, auto* b) { return a->ordinal < b->ordinal; });
    for (const flat::Method* m : events) {
      out_ << "  static void " << Escape(m->name)
           << "(void* handler, ::fidl::internal::IncomingMessage& message) {\n"
           << "    static_cast<" << handler << "*>(handler)->" << Escape(m->name) << "("
           << (m->response && m->response->decl
                   ? "static_cast<" + Marker(*m) + "::RequestBody*>(message.body())"
                   : "")
           << ");\n  }\n";
    }
    out_ << "  static void OnError(void* handler, ::fidl::UnbindInfo info) {\n    static_cast<"
         << handler << "*>(handler)->on_fidl_error(info);\n  }\n";
    if (unknown) {
      out_ << "  static void Unknown(void* handler, uint64_t ordinal) {\n    static_cast<"
           << handler << "*>(handler)->handle_unknown_event({ordinal});\n  }\n";
    }
    if (!events.empty()) {
      out_ << "  static constexpr ::fidl::internal::EventEntry kEntries[] = {\n";
      for (const flat::Method* m : events) {
        out_ << "      {" << Marker(*m) << "::kOrdinal, " << Marker(*m) << "::kRequestType, &"
             << Escape(m->name) << "},\n";
      }
      out_ << "  };\n";
    }
    out_ << "  static constexpr ::fidl::internal::EventDispatch kDispatch = {"
         << (events.empty() ? "nullptr" : "kEntries") << ", " << events.size() << ", " << name_
         << "::kOpenness, " << (unknown ? "&Unknown" : "nullptr") << ", &OnError};\n};\n\n";
  }

  void WriteEventSender() {
    out_ << "template <>\nclass fidl::internal::WireEventSenderImpl<" << name_
         << "> {\n public:\n  WireEventSenderImpl(::fidl::internal::ServerBindingCore* core, "
            "uint32_t channel, ::fidl::AnyArena* arena)\n"
         << "      : core_(core), channel_(channel), arena_(arena) {}\n"
         << "  WireEventSenderImpl* operator->() { return this; }\n";
    for (const flat::Method* m : p_.all_methods) {
      if (!m->is_event) continue;
      auto params = Params(m->response);
      out_ << "  ::fidl::OneWayStatus " << Escape(m->name) << "(" << Signature(params) << ") {\n"
           << NewMessage(*m, "Request") << Fill(m->response, params)
           << "    if (core_ != nullptr) return core_->Send(message, " << Marker(*m)
           << "::kRequestType, " << ArenaArg() << ");\n    return "
           << (driver_ ? "::fdf::internal::DriverSend(channel_, message, "
                       : "::fidl::internal::ChannelSend(channel_, message, ")
           << Marker(*m) << "::kRequestType" << (driver_ ? ", " + ArenaArg() : "") << ");\n  }\n";
    }
    // A protocol without events (or a transport without arenas) leaves fields unread.
    out_ << "\n private:\n  [[maybe_unused]] ::fidl::internal::ServerBindingCore* core_;\n"
         << "  [[maybe_unused]] uint32_t channel_;\n  [[maybe_unused]] ::fidl::AnyArena* arena_;\n"
         << "};\n\n";
  }

  const flat::Protocol& p_;
  bool driver_;
  std::ostringstream& out_;
  std::string name_;
};

// A service member's class: `sensor_port` → `SensorPort`, as fidlgen_cpp names it.
std::string MemberClass(std::string name) {
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    if (name[i] == '_') {
      name.erase(i, 1);
      name[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
    }
  }
  return Escape(name);
}

// A service and its members, with the names fdf::Namespace and fdf::OutgoingDirectory read:
// `Service::Name`, `Member::ServiceName`, `Member::Name`, `Member::ProtocolType`.
void WriteService(const flat::Service& service, std::ostringstream& out) {
  std::string full = service.name.library + "." + service.name.name;
  out << "class " << Escape(service.name.name) << " final {\n public:\n  "
      << Escape(service.name.name) << "() = delete;\n"
      << "  static constexpr char Name[] = \"" << full << "\";\n";
  for (const flat::ServiceMember& member : service.members) {
    out << "  class " << MemberClass(member.name) << " final {\n   public:\n"
        << "    using ProtocolType = " << DeclName(*member.type.decl) << ";\n"
        << "    static constexpr char ServiceName[] = \"" << full << "\";\n"
        << "    static constexpr char Name[] = \"" << member.name << "\";\n  };\n";
  }
  // What OutgoingDirectory::AddService<Service>(InstanceHandler, instance) takes: one handler per
  // member, as Fuchsia's drivers write it: `Service::InstanceHandler({.device = handler})`.
  out << "  struct Members {\n";
  for (const flat::ServiceMember& member : service.members) {
    std::string ns = IsDriverProtocol(*member.type.decl) ? "::fdf" : "::fidl";
    out << "    ::std::function<void(" << ns << "::ServerEnd<" << DeclName(*member.type.decl)
        << ">)> " << Escape(member.name) << "{};\n";  // {}: members may be left out
  }
  out << "  };\n"
      << "  class InstanceHandler final {\n   public:\n    InstanceHandler() = default;\n"
      << "    explicit InstanceHandler(Members members) : members_(::std::move(members)) {}\n"
      << "    // Calls visitor(Member{}, handler) for each member (the handler may be empty).\n"
      << "    template <typename Visitor>\n    void ForEachMember(Visitor&& visitor) && {\n";
  for (const flat::ServiceMember& member : service.members) {
    out << "      visitor(" << MemberClass(member.name) << "{}, ::std::move(members_."
        << Escape(member.name) << "));\n";
  }
  out << "    }\n\n   private:\n    Members members_;\n  };\n";
  out << "};\n\n";
}

}  // namespace

std::string MessagingHeader(const LibraryView& library, bool driver) {
  std::string guard = GuardName(library.name(), driver ? "CPP_DRIVER_WIRE_H_" : "CPP_WIRE_MESSAGING_H_");
  std::ostringstream out;
  out << "// Generated by fdf-idl from library " << library.name() << ". Do not edit.\n"
      << "#ifndef " << guard << "\n#define " << guard << "\n\n"
      << "#include <fidl/" << library.name() << "/cpp/wire_types.h>\n"
      << (driver ? "#include <lib/fidl_driver/cpp/wire_messaging.h>\n"
                 : "#include <lib/fidl/cpp/wire/wire_messaging.h>\n");
  for (const flat::Library* dep : library.dependencies()) {
    if (dep->name == "zx" || dep->name == "fidl") continue;
    out << "#include <fidl/" << dep->name << "/cpp/"
        << (driver ? "driver/wire.h" : "wire_messaging.h") << ">\n";
  }
  std::string ns = LibraryNamespace(library.name());
  std::vector<const flat::Protocol*> protocols;
  for (const Decl* decl : library.declaration_order()) {
    if (decl->kind != Decl::Kind::kProtocol) continue;
    if (IsDriverProtocol(*decl) == driver) {
      protocols.push_back(static_cast<const flat::Protocol*>(decl));
    }
  }
  out << "\nnamespace " << ns << " {\n\n";
  std::ostringstream markers, messaging;
  for (const flat::Protocol* p : protocols) ProtocolWriter(*p, driver, markers).WriteMarkers();
  // Services whose members speak this transport (FIDL requires one transport per service).
  for (const Decl* decl : library.declaration_order()) {
    if (decl->kind != Decl::Kind::kService) continue;
    const auto& service = static_cast<const flat::Service&>(*decl);
    if (service.members.empty() || !service.members[0].type.decl ||
        IsDriverProtocol(*service.members[0].type.decl) != driver) {
      continue;
    }
    WriteService(service, markers);
  }
  out << markers.str() << "}  // namespace " << ns << "\n\n";
  for (const flat::Protocol* p : protocols) ProtocolWriter(*p, driver, messaging).WriteMessaging();
  out << messaging.str() << "#endif  // " << guard << "\n";
  return out.str();
}

GeneratedFiles Generate(const LibraryView& library, const std::set<Bindings>& bindings) {
  GeneratedFiles files;
  std::string base = "fidl/" + library.name() + "/cpp/";
  std::string guard = GuardName(library.name(), "CPP_WIRE_H_");
  std::string umbrella = "// Generated by fdf-idl from library " + library.name() +
                         ". Do not edit.\n#ifndef " + guard + "\n#define " + guard + "\n\n" +
                         "#include <fidl/" + library.name() + "/cpp/wire_types.h>\n";
  if (bindings.count(Bindings::kWire)) {
    files[base + "wire_types.h"] = WireTypesHeader(library);
    files[base + "wire_types.cc"] = WireTypesSource(library);
  }
  if (bindings.count(Bindings::kChannel)) {
    files[base + "wire_messaging.h"] = MessagingHeader(library, false);
    umbrella += "#include <fidl/" + library.name() + "/cpp/wire_messaging.h>\n";
  }
  if (bindings.count(Bindings::kDriver)) files[base + "driver/wire.h"] = MessagingHeader(library, true);
  files[base + "wire.h"] = umbrella + "\n#endif  // " + guard + "\n";
  return files;
}

}  // namespace fdfkit::generators::cpp
