#include "runtime/driver/manager/node.h"

#include <lib/fidl/cpp/wire/wire_messaging.h>

#include "runtime/driver/config/board_file.h"
#include "runtime/driver/manager/manager.h"
#include "runtime/driver/manager/router.h"

namespace fdfkit::driver {

namespace fdfw = fuchsia_driver_framework::wire;

Node::Node(Manager* manager, uint64_t id, std::string name, std::vector<Node*> parents)
    : manager_(manager), id_(id), name_(std::move(name)), parents_(std::move(parents)) {
  path_ = parents_.empty() ? name_ : parents_.front()->path() + "." + name_;
}

Node::~Node() {
  for (auto& binding : node_bindings_) binding.Unbind();
  if (controller_) controller_->Unbind();
}

fidl::ServerBindingRef<fuchsia_driver_framework::Node> Node::ServeNode(
    fidl::ServerEnd<fuchsia_driver_framework::Node> end) {
  auto binding = fidl::BindServer(
      manager_->dispatcher(), std::move(end), static_cast<fidl::WireServer<fuchsia_driver_framework::Node>*>(this),
      [manager = manager_, id = id_](fidl::WireServer<fuchsia_driver_framework::Node>*,
                                     fidl::UnbindInfo info, auto) {
        if (info.is_peer_closed()) manager->OnNodeClientClosed(id);
      });
  node_bindings_.push_back(binding);
  return binding;
}

void Node::ServeController(fidl::ServerEnd<fuchsia_driver_framework::NodeController> end) {
  if (!end.is_valid()) return;
  controller_ = fidl::BindServer(manager_->dispatcher(), std::move(end),
                                 static_cast<fidl::WireServer<fuchsia_driver_framework::NodeController>*>(this));
}

void Node::SendOnBind() {
  if (controller_) (void)fidl::WireSendEvent(*controller_)->OnBind();
}

bool PropertyKeyFromWire(const fdfw::NodePropertyKey& key, bind::PropertyKey* out) {
  if (key.is_int_value()) *out = key.int_value();
  else if (key.is_string_value()) *out = std::string(key.string_value().get());
  else return false;
  return true;
}

bool PropertyValueFromWire(const fdfw::NodePropertyValue& value, bind::PropertyValue* out) {
  if (value.is_int_value()) *out = value.int_value();
  else if (value.is_string_value()) *out = std::string(value.string_value().get());
  else if (value.is_bool_value()) *out = value.bool_value();
  else if (value.is_enum_value()) *out = bind::EnumValue{std::string(value.enum_value().get())};
  else return false;
  return true;
}

bool PropertiesFromWire(const fidl::VectorView<fdfw::NodeProperty>& in, bind::Properties* out) {
  for (const fdfw::NodeProperty& property : in) {
    bind::Property converted;
    if (!PropertyKeyFromWire(property.key, &converted.key) ||
        !PropertyValueFromWire(property.value, &converted.value)) {
      return false;
    }
    out->push_back(std::move(converted));
  }
  return true;
}

void Node::AddChild(AddChildRequestView request, AddChildCompleter::Sync& completer) {
  using fdfw::NodeError;
  fdfw::NodeAddArgs& args = request->args;
  if (removing) return (void)completer.ReplyError(NodeError::kNodeRemoved);
  if (!args.has_name()) return (void)completer.ReplyError(NodeError::kNameMissing);
  std::string name(args.name().get());
  if (!IsValidNodeName(name)) return (void)completer.ReplyError(NodeError::kNameInvalid);
  for (const Node* child : children_) {
    if (child->name() == name) return (void)completer.ReplyError(NodeError::kNameAlreadyExists);
  }
  bind::Properties properties;
  if (args.has_properties() && !PropertiesFromWire(args.properties(), &properties)) {
    return (void)completer.ReplyError(NodeError::kPropertyInvalid);
  }
  std::vector<VisibleOffer> offers;
  if (args.has_offers()) {
    for (const fdfw::Offer& offer : args.offers()) {
      if (!offer.has_service_name() || offer.service_name().empty()) {
        return (void)completer.ReplyError(NodeError::kOfferServiceNameMissing);
      }
      std::string service(offer.service_name().get());
      // A driver offers only what its manifest declares it serves.
      if (bound) {
        const auto& declared = bound->driver->manifest.capabilities;
        if (std::find(declared.begin(), declared.end(), service) == declared.end()) {
          return (void)completer.ReplyError(NodeError::kOfferNotAvailable);
        }
      }
      std::string source_instance =
          offer.has_source_instance() ? std::string(offer.source_instance().get()) : "default";
      std::string target_instance = offer.has_target_instance()
                                        ? std::string(offer.target_instance().get())
                                        : source_instance;
      offers.push_back({service, target_instance, this, source_instance});
    }
  }
  std::vector<NodeSymbolEntry> symbols;
  if (args.has_symbols()) {
    for (const fdfw::NodeSymbol& symbol : args.symbols()) {
      if (!symbol.has_name()) return (void)completer.ReplyError(NodeError::kSymbolNameMissing);
      if (!symbol.has_address()) return (void)completer.ReplyError(NodeError::kSymbolAddressMissing);
      std::string symbol_name(symbol.name().get());
      for (const NodeSymbolEntry& seen : symbols) {
        if (seen.name == symbol_name) return (void)completer.ReplyError(NodeError::kSymbolAlreadyExists);
      }
      symbols.push_back({symbol_name, symbol.address(),
                         symbol.has_module_name() ? std::string(symbol.module_name().get()) : ""});
    }
  }
  bool owned = request->node.is_valid();
  Node* child = manager_->AddNode(this, name, std::move(properties), std::move(offers),
                                  std::move(symbols), owned);
  child->ServeController(std::move(request->controller));
  if (owned) child->ServeNode(std::move(request->node));
  completer.ReplySuccess();
  if (!owned) manager_->Bind(child);
}

void Node::Remove(RemoveCompleter::Sync& completer) { manager_->RemoveNode(this, nullptr); }

void Node::RequestBind(RequestBindRequestView request, RequestBindCompleter::Sync& completer) {
  bool force = request->has_force_rebind() && request->force_rebind();
  std::string suffix =
      request->has_driver_url_suffix() ? std::string(request->driver_url_suffix().get()) : "";
  auto async = std::make_shared<RequestBindCompleter::Async>(completer.ToAsync());
  manager_->RequestBind(this, force, suffix, [async](zx_status_t status) {
    if (status == ZX_OK) {
      async->ReplySuccess();
    } else {
      async->ReplyError(status);
    }
  });
}

}  // namespace fdfkit::driver
