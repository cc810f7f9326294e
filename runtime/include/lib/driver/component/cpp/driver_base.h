// The base class of a driver, as Fuchsia's DFv2 drivers are written:
//
//   class MyDriver : public fdf::DriverBase {
//    public:
//     MyDriver(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
//         : DriverBase("my-driver", std::move(start_args), std::move(dispatcher)) {}
//     zx::result<> Start() override { ... incoming()->Connect<...>(); outgoing()->AddService<...>(...); }
//   };
//   FUCHSIA_DRIVER_EXPORT(MyDriver);
//
// Start either synchronously (zx::result<> Start()) or asynchronously (Start(StartCompleter)).
// Stopping: PrepareStop (asynchronous; the driver's dispatchers still run), then the host shuts
// the driver's dispatchers down, then Stop() and the destructor.
#ifndef LIB_DRIVER_COMPONENT_CPP_DRIVER_BASE_H_
#define LIB_DRIVER_COMPONENT_CPP_DRIVER_BASE_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>
#include <lib/async/dispatcher.h>
#include <lib/driver/component/cpp/start_args.h>
#include <lib/driver/incoming/cpp/namespace.h>
#include <lib/driver/logging/cpp/logger.h>
#include <lib/driver/outgoing/cpp/outgoing_directory.h>
#include <lib/fdf/cpp/dispatcher.h>
#include <lib/zx/result.h>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace fdf {

// Completes an asynchronous Start or PrepareStop exactly once (a completer dropped without being
// called completes with ZX_ERR_INTERNAL, so the host never waits forever).
class Completer {
 public:
  using Callback = std::function<void(zx::result<>)>;
  explicit Completer(Callback callback) : callback_(std::move(callback)) {}
  Completer(Completer&& other) noexcept : callback_(std::exchange(other.callback_, nullptr)) {}
  Completer& operator=(Completer&&) = delete;
  ~Completer() {
    if (callback_) callback_(zx::error(ZX_ERR_INTERNAL));
  }
  void operator()(zx::result<> result) {
    if (callback_) std::exchange(callback_, nullptr)(result);
  }

 private:
  Callback callback_;
};
class StartCompleter : public Completer {
 public:
  using Completer::Completer;
};
class PrepareStopCompleter : public Completer {
 public:
  using Completer::Completer;
};

class DriverBase {
 public:
  DriverBase(std::string_view name, DriverStartArgs start_args,
             fdf::UnownedSynchronizedDispatcher driver_dispatcher);
  DriverBase(const DriverBase&) = delete;
  DriverBase& operator=(const DriverBase&) = delete;
  virtual ~DriverBase();

  // Override one of the two. The synchronous form's result completes the start.
  virtual zx::result<> Start() { return zx::error(ZX_ERR_NOT_SUPPORTED); }
  virtual void Start(StartCompleter completer) { completer(Start()); }
  virtual void PrepareStop(PrepareStopCompleter completer) { completer(zx::ok()); }
  virtual void Stop() {}

  std::string_view name() const { return name_; }
  // The bound node (AddChild goes through it): fidl::WireCall(node())->AddChild(...).
  fidl::ClientEnd<fuchsia_driver_framework::Node>& node() { return start_args_.node; }
  const std::optional<std::string>& node_name() const { return start_args_.node_name; }
  const std::optional<std::string>& url() const { return start_args_.url; }
  const std::optional<std::vector<ProgramEntry>>& program() const { return start_args_.program; }
  const std::optional<std::vector<NodeSymbol>>& symbols() const { return start_args_.symbols; }
  const std::shared_ptr<Namespace>& incoming() const { return incoming_; }
  std::shared_ptr<OutgoingDirectory>& outgoing() { return outgoing_; }
  async_dispatcher_t* dispatcher() const { return async_dispatcher_; }
  const fdf::UnownedSynchronizedDispatcher& driver_dispatcher() const { return driver_dispatcher_; }
  Logger& logger() { return *logger_; }
  // fdfkit: the start arguments' other fields (service sources, host id, composite parents).
  const DriverStartArgs& start_args() const { return start_args_; }

  // Adds a child node that drivers may bind to (newer Fuchsia drivers' helper). Properties and
  // offers are wire objects (fdf::MakeProperty, fdf::MakeOffer in node_add_args.h).
  zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddChild(
      std::string_view node_name,
      std::span<const fuchsia_driver_framework::wire::NodeProperty> properties,
      std::span<const fuchsia_driver_framework::wire::Offer> offers);
  // A child this driver owns: no driver binds it; returns its controller and node.
  struct OwnedChildNode {
    fidl::ClientEnd<fuchsia_driver_framework::NodeController> node_controller;
    fidl::ClientEnd<fuchsia_driver_framework::Node> node;
  };
  zx::result<OwnedChildNode> AddOwnedChild(std::string_view node_name);

 private:
  std::string name_;
  DriverStartArgs start_args_;
  fdf::UnownedSynchronizedDispatcher driver_dispatcher_;
  async_dispatcher_t* async_dispatcher_ = nullptr;
  std::shared_ptr<Namespace> incoming_;
  std::shared_ptr<OutgoingDirectory> outgoing_;
  std::unique_ptr<Logger> logger_;
};

}  // namespace fdf

#endif  // LIB_DRIVER_COMPONENT_CPP_DRIVER_BASE_H_
