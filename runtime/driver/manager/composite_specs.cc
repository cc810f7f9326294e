// Composite node specs: fuchsia.driver.framework/CompositeNodeManager.AddSpec, and the matching
// of nodes to a spec's parents. A spec is matched to its composite driver once, when added (the
// driver's nodes against the properties each parent spec gives); its parents are then found among
// present and future nodes by the spec's bind rules; the composite is assembled, under its primary
// parent, when every parent is found.
#include <lib/fidl/cpp/wire/wire_messaging.h>

#include <cstdio>

#include "runtime/driver/manager/manager.h"

namespace fdfkit::driver {
namespace {

namespace fdfw = fuchsia_driver_framework::wire;

bool RuleHolds(const Manager::SpecParent::Rule& rule, const bind::Properties& properties) {
  bool any = false;
  std::string key = bind::KeyName(rule.key);
  for (const bind::Property& property : properties) {
    if (bind::KeyName(property.key) != key) continue;
    for (const bind::PropertyValue& value : rule.values) any = any || property.value == value;
  }
  return rule.accept ? any : !any;
}

bool ParentMatches(const Manager::SpecParent& parent, const bind::Properties& properties) {
  for (const auto& rule : parent.rules) {
    if (!RuleHolds(rule, properties)) return false;
  }
  return true;
}

class CompositeSpecServer : public fidl::WireServer<fuchsia_driver_framework::CompositeNodeManager> {
 public:
  explicit CompositeSpecServer(Manager* manager) : manager_(manager) {}
  void AddSpec(AddSpecRequestView request, AddSpecCompleter::Sync& completer) override {
    using fdfw::CompositeNodeSpecError;
    if (!request->has_name() || !request->has_parents()) {
      return (void)completer.ReplyError(CompositeNodeSpecError::kMissingArgs);
    }
    if (request->parents().empty()) return (void)completer.ReplyError(CompositeNodeSpecError::kEmptyNodes);
    std::vector<Manager::SpecParent> parents;
    for (const fdfw::ParentSpec& wire : request->parents()) {
      Manager::SpecParent parent;
      for (const fdfw::BindRule& rule : wire.bind_rules) {
        Manager::SpecParent::Rule converted;
        converted.accept = rule.condition == fdfw::Condition::kAccept;
        bool well_formed = PropertyKeyFromWire(rule.key, &converted.key);
        for (const fdfw::NodePropertyValue& value : rule.values) {
          bind::PropertyValue v;
          well_formed = well_formed && PropertyValueFromWire(value, &v);
          converted.values.push_back(std::move(v));
        }
        if (!well_formed) return (void)completer.ReplyError(CompositeNodeSpecError::kMissingArgs);
        parent.rules.push_back(std::move(converted));
      }
      if (!PropertiesFromWire(wire.properties, &parent.properties)) {
        return (void)completer.ReplyError(CompositeNodeSpecError::kMissingArgs);
      }
      parents.push_back(std::move(parent));
    }
    std::optional<CompositeNodeSpecError> error =
        manager_->AddSpec(std::string(request->name().get()), std::move(parents));
    if (error) {
      completer.ReplyError(*error);
    } else {
      completer.ReplySuccess();
    }
  }

 private:
  Manager* manager_;
};

}  // namespace

std::optional<fdfw::CompositeNodeSpecError> Manager::AddSpec(std::string name,
                                                             std::vector<SpecParent> parents) {
  for (const auto& spec : specs_) {
    if (spec->name == name) return fdfw::CompositeNodeSpecError::kAlreadyExists;
  }
  std::vector<bind::Properties> properties;
  for (const SpecParent& parent : parents) properties.push_back(parent.properties);
  std::optional<DriverIndex::SpecMatch> match = index_.MatchSpec(properties);
  if (!match) {
    std::fprintf(stderr, "fdfkit: composite node spec '%s': no composite driver matches its parents\n",
                 name.c_str());
    return fdfw::CompositeNodeSpecError::kNoDriver;
  }
  auto spec = std::make_unique<Spec>();
  spec->name = std::move(name);
  spec->parents = std::move(parents);
  spec->match = *match;
  spec->matched.assign(spec->parents.size(), nullptr);
  Spec* raw = spec.get();
  specs_.push_back(std::move(spec));
  // Parents may exist already.
  for (auto& [id, node] : nodes_) {
    if (!node->removing && !node->is_composite() && node.get() != root_) OfferToSpecs(node.get());
    if (raw->node) break;
  }
  return std::nullopt;
}

void Manager::OfferToSpecs(Node* node) {
  for (auto& spec : specs_) {
    if (spec->node) continue;
    for (size_t i = 0; i < spec->parents.size(); ++i) {
      if (spec->matched[i] || !ParentMatches(spec->parents[i], node->properties)) continue;
      if (std::find(spec->matched.begin(), spec->matched.end(), node) != spec->matched.end()) break;
      spec->matched[i] = node;
      break;
    }
    if (std::find(spec->matched.begin(), spec->matched.end(), nullptr) != spec->matched.end()) continue;
    const bind::LoadedProgram& program = *spec->match.driver->program;
    std::vector<std::string> names;
    for (size_t node_index : spec->match.node_of_parent) names.push_back(program.node_name(node_index));
    spec->node = AssembleComposite(spec->name, spec->matched, names, spec->match.driver);
  }
}

void Manager::ServeCompositeNodeManager(zx::channel end) {
  if (!spec_server_) spec_server_ = std::make_unique<CompositeSpecServer>(this);
  fidl::BindServer(dispatcher_,
                   fidl::ServerEnd<fuchsia_driver_framework::CompositeNodeManager>(std::move(end)),
                   spec_server_.get());
}

}  // namespace fdfkit::driver
