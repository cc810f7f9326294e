// One configurable driver for the manager's tests: each manifest in this folder gives it a
// program block saying what to do, so one shared object exercises routing, enforcement, removal
// and stop paths a well-behaved example driver never takes. It records what happened with
// RecordEvent (FDFKIT_DRIVER_EVENT_LOG), named after the node it runs on.
//   children         comma list; each child gets fdfkit.probe.DEVICE = name and
//                    fdfkit.probe.ROLE = the name up to its first '-', and offers of EchoService
//                    and CounterService
//   undeclared_offer also adds "bad-offer", offering a service the manifest does not declare
//   serve            serves test.driver.EchoService (channel) and CounterService (driver)
//   connect_echo     connects EchoService instance <value> and calls it once
//   token_open       opens CounterService through the namespace with a driver-transport token,
//                    bypassing Connect's own host check, and calls it once
//   remove_child     removes that child through its NodeController (FIDL), after adding it
//   add_spec         adds the composite node spec "spec-pair" (parents: the nodes spec-a and
//                    spec-b, seen as ROLE "primary-part" and "secondary-part"), then the same
//                    again, then one no driver matches, through CompositeNodeManager
//   hang_prepare_stop never completes PrepareStop
//   drop_node        closes its Node client end after Start
#include <fidl/test.driver/cpp/driver/wire.h>
#include <fidl/test.driver/cpp/wire.h>
#include <lib/async/cpp/task.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <lib/fdf/cpp/protocol.h>
#include <zircon/status.h>

#include <sstream>
#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "tests/runtime/driver/testing/test_servers.h"

namespace {

class Probe : public fdf::DriverBase {
 public:
  Probe(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("probe", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    name_ = node_name().value_or("?");
    Record("start");
    if (Has("serve")) Serve();
    if (zx::result<std::string> children = fdf::ProgramValue(program(), "children"); children.is_ok()) {
      std::istringstream names(*children);
      for (std::string child; std::getline(names, child, ',');) {
        zx::result<> added = Add(child, {test_driver::EchoService::Name, test_driver::CounterService::Name});
        if (added.is_error()) return added.take_error();
      }
    }
    if (zx::result<std::string> gone = fdf::ProgramValue(program(), "remove_child"); gone.is_ok()) {
      for (size_t i = 0; i < children_.size(); ++i) {
        if (children_[i] != *gone) continue;
        auto removed = fidl::WireCall(controllers_[i])->Remove();
        Record(std::string("remove ") + *gone + " " + removed.status_string());
      }
    }
    if (Has("add_spec")) AddSpecs();
    if (Has("undeclared_offer")) {
      zx::result<> bad = Add("bad-offer", {"test.driver.UndeclaredService"});
      Record(std::string("bad-offer ") + bad.status_string());
    }
    if (zx::result<std::string> instance = fdf::ProgramValue(program(), "connect_echo"); instance.is_ok()) {
      zx::result echo = incoming()->Connect<test_driver::EchoService::Echo>(*instance);
      auto result = fidl::WireCall(*echo)->EchoString("probe");
      Record(std::string("echo ") + result.status_string());
    }
    if (Has("token_open")) {
      zx::channel token_client, token_server;
      zx::channel::create(0, &token_client, &token_server);
      (void)incoming()->Open("/svc/test.driver.CounterService/default/counter",
                             fuchsia_io::wire::OpenFlags::kDriverToken, std::move(token_server));
      auto pair = fdf::ChannelPair::Create(0);
      (void)fdf::ProtocolConnect(std::move(token_client), std::move(pair->end1));
      fdf::ClientEnd<test_driver::Counter> counter(std::move(pair->end0));
      fdf::Arena arena('PROB');
      auto result = fdf::WireCall(counter).buffer(arena)->Add(1);
      Record(std::string("token ") + result.status_string());
    }
    if (Has("drop_node")) {
      async::PostTask(dispatcher(), [this] {
        Record("drop_node");
        node().reset();
      });
    }
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    Record("prepare_stop");
    if (Has("hang_prepare_stop")) {
      hung_.emplace(std::move(completer));  // never completed
      return;
    }
    completer(zx::ok());
  }
  void Stop() override { Record("stop"); }

 private:
  bool Has(const char* key) const { return fdf::ProgramValue(program(), key).is_ok(); }
  void Record(const std::string& event) { fdfkit::examples::RecordEvent(name_, event); }

  void Serve() {
    (void)outgoing()->AddService<test_driver::EchoService>(test_driver::EchoService::InstanceHandler(
        {.echo = [this](fidl::ServerEnd<test_driver::Echo> end) {
          fidl::BindServer(dispatcher(), std::move(end), &echo_);
        }}));
    (void)outgoing()->AddService<test_driver::CounterService>(test_driver::CounterService::InstanceHandler(
        {.counter = counters_.CreateHandler(&counter_, driver_dispatcher()->get())}));
  }

  zx::result<> Add(const std::string& child, const std::vector<std::string>& services) {
    fidl::Arena arena;
    std::string role = child.substr(0, child.find('-'));
    fuchsia_driver_framework::wire::NodeProperty properties[] = {
        fdf::MakeProperty(arena, "fdfkit.probe.DEVICE", std::string_view(child)),
        fdf::MakeProperty(arena, "fdfkit.probe.ROLE", std::string_view(role))};
    std::vector<fuchsia_driver_framework::wire::Offer> offers;
    for (const std::string& service : services) offers.push_back(fdf::MakeOffer(arena, service));
    zx::result controller = AddChild(child, properties, offers);
    if (controller.is_error()) return controller.take_error();
    controllers_.push_back(std::move(*controller));
    children_.push_back(child);
    return zx::ok();
  }

  void AddSpecs() {
    namespace fdfw = fuchsia_driver_framework::wire;
    zx::result manager = incoming()->Connect<fuchsia_driver_framework::CompositeNodeManager>();
    if (manager.is_error()) return Record(std::string("spec connect ") + manager.status_string());
    auto add = [&](const char* spec_name, const char* second_role) {
      fidl::Arena arena;
      auto parent = [&](const char* device, const char* role) {
        fdfw::BindRule rule{fdfw::NodePropertyKey::WithStringValue(arena, "fdfkit.probe.DEVICE"),
                            fdfw::Condition::kAccept,
                            fidl::VectorView<fdfw::NodePropertyValue>(arena, 1)};
        rule.values[0] = fdfw::NodePropertyValue::WithStringValue(arena, device);
        fdfw::ParentSpec spec;
        spec.bind_rules = fidl::VectorView<fdfw::BindRule>(arena, 1);
        spec.bind_rules[0] = rule;
        spec.properties = fidl::VectorView<fdfw::NodeProperty>(arena, 1);
        spec.properties[0] = fdf::MakeProperty(arena, "fdfkit.probe.ROLE", std::string_view(role));
        return spec;
      };
      std::vector<fdfw::ParentSpec> parents = {parent("spec-a", "primary-part"),
                                               parent("spec-b", second_role)};
      auto spec = fdfw::CompositeNodeSpec::Builder(arena)
                      .name(arena, spec_name)
                      .parents(arena, parents)
                      .Build();
      auto result = fidl::WireCall(*manager)->AddSpec(spec);
      std::string status = !result.ok()         ? result.status_string()
                           : result->is_error() ? "error " + std::to_string(static_cast<uint32_t>(result->error_value()))
                                                : "ZX_OK";
      Record(std::string("spec ") + spec_name + " " + status);
    };
    add("spec-pair", "secondary-part");
    add("spec-pair", "secondary-part");   // ALREADY_EXISTS (3)
    add("spec-none", "nothing-matches");  // NO_DRIVER (4)
  }

  std::string name_;
  fdfkit::driver::testing::EchoServer echo_;
  fdfkit::driver::testing::CounterServer counter_;
  fdf::ServerBindingGroup<test_driver::Counter> counters_;
  std::vector<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> controllers_;
  std::vector<std::string> children_;
  std::optional<fdf::PrepareStopCompleter> hung_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(Probe);
