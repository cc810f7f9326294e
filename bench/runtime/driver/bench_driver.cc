// The driver the boot benchmark starts a hundred times: it adds the children its program entry
// "children" lists (comma-separated), each with the property fdfkit.bench.DEVICE = its name.
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <sstream>
#include <vector>

namespace {

class BenchDriver : public fdf::DriverBase {
 public:
  BenchDriver(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("bench", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    zx::result<std::string> children = fdf::ProgramValue(program(), "children");
    if (children.is_error()) return zx::ok();
    std::istringstream names(*children);
    for (std::string name; std::getline(names, name, ',');) {
      fidl::Arena arena;
      fuchsia_driver_framework::wire::NodeProperty properties[] = {
          fdf::MakeProperty(arena, "fdfkit.bench.DEVICE", std::string_view(name))};
      zx::result controller = AddChild(name, properties, {});
      if (controller.is_error()) return controller.take_error();
      controllers_.push_back(std::move(*controller));
    }
    return zx::ok();
  }

 private:
  std::vector<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> controllers_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(BenchDriver);
