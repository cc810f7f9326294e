// The dual-mode classes of a protocol its clone serves as a service: FooDualServer<D> (banjo
// methods once, both transports), FooDualFidlServer<D> (FIDL methods once) and FooDualClient
// (banjo when the parent offers it, else the clone's transport). A Zircon-channel clone has no
// FooDualFidlServer: its banjo callers would make synchronous channel calls into D, which
// deadlock when they run on D's own dispatcher (the driver transport calls inline there).
#include "shims/shim_dual.h"

#include "generators/banjo/banjo_names.h"
#include "generators/cpp/cpp_names.h"
#include "shims/shim_code.h"

namespace fdfkit::shims {
namespace {

const flat::ServiceMember* ServiceMemberOf(const generators::LibraryView& fidl,
                                           const ProtocolPlan& plan,
                                           const flat::Service** service) {
  for (const flat::Decl* decl : fidl.OfKind(flat::Decl::Kind::kService)) {
    for (const flat::ServiceMember& member : static_cast<const flat::Service*>(decl)->members) {
      if (member.type.decl == plan.fidl) {
        *service = static_cast<const flat::Service*>(decl);
        return &member;
      }
    }
  }
  return nullptr;
}

// `AddDriverTransportService(outgoing, dispatcher, instance)`: publishes the service whose
// connections `serve` (statements, given `dispatcher` and `end`) serves; `captures` names
// what they use besides the dispatcher.
// A channel clone's is `AddChannelService(outgoing, dispatcher, instance)`, `dispatcher` an
// async_dispatcher_t (a driver's: fdf_dispatcher_get_async_dispatcher).
std::string AddServiceMethod(const ProtocolPlan& plan, const flat::Service& service,
                             const flat::ServiceMember& member, const std::string& captures,
                             const std::string& serve, const std::string& prologue = "") {
  std::string service_name = generators::cpp::DeclName(service);
  std::string head = plan.channel
                         ? "  ::zx::result<> AddChannelService(::fdf::OutgoingDirectory& outgoing,\n"
                           "                                   async_dispatcher_t* dispatcher,\n"
                           "                                   std::string_view instance = "
                         : "  ::zx::result<> AddDriverTransportService(::fdf::OutgoingDirectory& "
                           "outgoing,\n"
                           "                                           fdf_dispatcher_t* dispatcher,\n"
                           "                                           std::string_view instance = ";
  return head + "\"default\") {\n" + prologue + "    " + service_name +
         "::InstanceHandler handler({.\n        " + generators::cpp::Escape(member.name) +
         " = [dispatcher, " + captures + "](" + TransportNs(plan) + "::ServerEnd<" +
         FidlProtocol(plan) + "> end) {\n" + serve + "        }});\n    return outgoing.AddService<" +
         service_name + ">(std::move(handler), instance);\n  }\n\n";
}

}  // namespace

void WriteDualServer(const generators::LibraryView& fidl, const ProtocolPlan& plan,
                     std::ostream& out) {
  const flat::Service* service = nullptr;
  const flat::ServiceMember* member = ServiceMemberOf(fidl, plan, &service);
  if (!member) return;
  const auto& names = plan.banjo.names;
  const std::string& p = plan.banjo.protocol->name.name;
  out << "// Serves " << p << " on both transports from one set of banjo methods: D derives\n"
      << "// from " << p << "DualServer<D> and implements the ddk::" << p
      << "Protocol methods\n// (" << plan.banjo.methods.front().names.cpp_mixin
      << "...). Banjo children reach them through banjo_server() (node\n"
      << "// property and symbol); " << TransportText(plan) << " children through the service\n"
      << "// " << (plan.channel ? "AddChannelService" : "AddDriverTransportService")
      << " publishes.\n"
      << "// Its connections are served by pointer: end them (shut the dispatcher down) before D\n"
      << "// goes. What the banjo methods were handed to keep is released when it does.\n"
      << "template <typename D>\nclass " << p << "DualServer : public ::" << names.cpp_mixin
      << "<D> {\n public:\n"
      << "  ~" << p << "DualServer() {\n"
      << "    if (banjo_ctx_) ::fdfkit::shims::ReleaseKeptBy(banjo_ctx_);\n  }\n\n"
      << "  // Built on first use, not in the constructor: D is complete only after it.\n"
      << "  const ::compat::BanjoServer& banjo_server() {\n"
      << "    if (!banjo_server_) {\n      banjo_ctx_ = static_cast<D*>(this);\n"
      << "      banjo_server_.emplace(" << names.protocol_id
      << ", static_cast<D*>(this), &this->" << plan.banjo.snake << "_protocol_ops_);\n    }\n"
      << "    return *banjo_server_;\n  }\n"
      << "  const " << names.proto_type << "* banjo_proto() {\n"
      << "    banjo_proto_ = {&this->" << plan.banjo.snake
      << "_protocol_ops_, static_cast<D*>(this)};\n    banjo_ctx_ = banjo_proto_.ctx;\n"
      << "    return &banjo_proto_;\n  }\n\n"
      << "  // Publishes " << service->name.name << " (member '" << member->name
      << "') in `outgoing`; each connection is\n"
      << "  // served on `dispatcher` by the same methods.\n"
      << AddServiceMethod(
             plan, *service, *member, "server = &*fidl_server_",
             std::string(plan.events ? "          auto binding = " : "          ") +
                 TransportNs(plan) + "::BindServer(dispatcher, std::move(end), server);\n" +
                 (plan.events ? "          server->ServeEvents(binding);\n" : ""),
             "    if (!fidl_server_) fidl_server_.emplace(banjo_proto());\n")
      << " private:\n  " << names.proto_type << " banjo_proto_{};\n"
      << "  const void* banjo_ctx_ = nullptr;  // D, as its banjo callers know it\n"
      << "  std::optional<::compat::BanjoServer> banjo_server_;\n"
      << "  std::optional<" << OverBanjoName(plan) << "> fidl_server_;\n};\n\n";
  if (plan.channel) return;
  // The other way round: D implements the FIDL methods; banjo callers reach them through a
  // driver-transport channel to D itself.
  out << "// Serves " << p << " on both transports from one set of FIDL methods: D derives\n"
      << "// from " << p << "DualFidlServer<D> and implements fdf::WireServer<" << plan.fidl->name.name
      << ">. ServeBanjo binds D\n// on `dispatcher` behind " << p << "BanjoOverDriver; banjo "
      << "callers (colocated, on dispatchers that\n// allow sync calls) then make inline "
      << "driver-transport calls into D.\n// bindings() holds every connection, the banjo "
      << "callers' too: D sends its events\n// through it (bindings().ForEachBinding). They "
      << "are served by pointer: end them (shut the\n// dispatcher down) before D goes.\n"
      << "template <typename D>\nclass " << p << "DualFidlServer : public ::fdf::WireServer<"
      << FidlProtocol(plan) << "> {\n public:\n"
      << "  ::zx::result<> ServeBanjo(fdf_dispatcher_t* dispatcher) {\n"
      << "    auto endpoints = ::fdf::CreateEndpoints<" << FidlProtocol(plan) << ">();\n"
      << "    if (endpoints.is_error()) return endpoints.take_error();\n"
      << "    bindings_.AddBinding(dispatcher, std::move(endpoints->server), "
         "static_cast<D*>(this));\n"
      << "    banjo_ = std::make_unique<" << p
      << "BanjoOverDriver>(std::move(endpoints->client), dispatcher);\n"
      << "    banjo_server_.emplace(" << names.protocol_id
      << ", banjo_->proto()->ctx, banjo_->proto()->ops);\n    return ::zx::ok();\n  }\n"
      << "  // After ServeBanjo.\n"
      << "  const ::compat::BanjoServer& banjo_server() const { return *banjo_server_; }\n"
      << "  const " << names.proto_type << "* banjo_proto() const { return banjo_->proto(); }\n\n"
      << "  ::fdf::ServerBindingGroup<" << FidlProtocol(plan)
      << ">& bindings() { return bindings_; }\n\n"
      << AddServiceMethod(plan, *service, *member, "this",
                          "          bindings_.AddBinding(dispatcher, std::move(end), "
                          "static_cast<D*>(this));\n")
      << " private:\n  ::fdf::ServerBindingGroup<" << FidlProtocol(plan) << "> bindings_;\n"
      << "  std::unique_ptr<" << p << "BanjoOverDriver> banjo_;\n"
      << "  std::optional<::compat::BanjoServer> banjo_server_;\n};\n\n";
}

void WriteDualClient(const generators::LibraryView& fidl, const ProtocolPlan& plan,
                     std::ostream& out) {
  const flat::Service* service = nullptr;
  const flat::ServiceMember* member = ServiceMemberOf(fidl, plan, &service);
  if (!member) return;
  const std::string& p = plan.banjo.protocol->name.name;
  std::string client = "::" + plan.banjo.names.cpp_client;
  std::string member_class = generators::cpp::DeclName(*service) + "::" +
                             generators::banjo::PascalName(member->name);
  std::string shim = BanjoOverName(plan);
  out << "// A banjo-shaped " << p << " client for a consumer whose parent may serve either\n"
      << "// transport: banjo when the parent offers it, else the "
      << (plan.channel ? "Zircon channel" : "driver transport") << " through\n"
      << "// " << shim << ". Decided once, at Connect.\n"
      << "class " << p << "DualClient : public " << client << " {\n public:\n"
      << "  static ::zx::result<" << p << "DualClient> Connect(\n"
      << "      const std::shared_ptr<::fdf::Namespace>& incoming, std::string_view parent = "
         "\"default\") {\n"
      << "    // Asked quietly: not offering banjo is a normal answer here.\n"
      << "    auto banjo = ::compat::FindBanjoProtocol(*incoming, " << plan.banjo.names.protocol_id
      << ", parent);\n"
      << "    if (banjo.is_ok()) {\n"
      << "      " << client << " direct(reinterpret_cast<const " << plan.banjo.names.proto_type
      << "*>(*banjo));\n"
      << "      return ::zx::ok(" << p << "DualClient(direct, nullptr));\n    }\n"
      << "    auto end = incoming->Connect<" << member_class << ">(parent);\n"
      << "    if (end.is_error()) return end.take_error();\n"
      << "    auto shim = std::make_unique<" << shim << ">(std::move(*end));\n"
      << "    " << client << " over(shim->proto());\n"
      << "    return ::zx::ok(" << p << "DualClient(over, std::move(shim)));\n  }\n\n"
      << "  // Connected by moving a Connect result in: a driver keeps its client as a member.\n"
      << "  " << p << "DualClient() = default;\n\n"
      << "  bool uses_banjo() const { return shim_ == nullptr; }\n\n private:\n  " << p
      << "DualClient(" << client << " client, std::unique_ptr<" << shim
      << "> shim)\n      : " << client
      << "(client), shim_(std::move(shim)) {}\n\n  std::unique_ptr<" << shim
      << "> shim_;\n};\n\n";
}

}  // namespace fdfkit::shims
