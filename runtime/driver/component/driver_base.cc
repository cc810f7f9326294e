#include <lib/driver/component/cpp/driver_base.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl/cpp/wire/arena.h>
#include <lib/fidl/cpp/wire/wire_messaging.h>

namespace fdf {
namespace {

zx_status_t StatusOf(fuchsia_driver_framework::wire::NodeError error) {
  using fuchsia_driver_framework::wire::NodeError;
  switch (error) {
    case NodeError::kNameAlreadyExists:
    case NodeError::kSymbolAlreadyExists: return ZX_ERR_ALREADY_EXISTS;
    case NodeError::kNameMissing:
    case NodeError::kNameInvalid:
    case NodeError::kOfferServiceNameMissing:
    case NodeError::kSymbolNameMissing:
    case NodeError::kSymbolAddressMissing:
    case NodeError::kPropertyInvalid: return ZX_ERR_INVALID_ARGS;
    case NodeError::kOfferNotAvailable: return ZX_ERR_NOT_FOUND;
    case NodeError::kNodeRemoved:
    case NodeError::kUnbindChildrenInProgress: return ZX_ERR_BAD_STATE;
    default: return ZX_ERR_INTERNAL;
  }
}

}  // namespace

DriverBase::DriverBase(std::string_view name, DriverStartArgs start_args,
                       fdf::UnownedSynchronizedDispatcher driver_dispatcher)
    : name_(name),
      start_args_(std::move(start_args)),
      driver_dispatcher_(std::move(driver_dispatcher)),
      async_dispatcher_(fdf_dispatcher_get_async_dispatcher(driver_dispatcher_.get())),
      logger_(std::make_unique<Logger>(std::string(name))) {
  Logger::SetGlobalInstance(logger_.get());
  zx::result<Namespace> incoming =
      Namespace::Create(start_args_.incoming, start_args_.service_sources, start_args_.host_id,
                        start_args_.symbols, start_args_.parent_names);
  if (incoming.is_error()) {
    FDF_LOGL(ERROR, *logger_, "malformed incoming namespace: %s", incoming.status_string());
    incoming_ = std::make_shared<Namespace>();
  } else {
    incoming_ = std::make_shared<Namespace>(std::move(*incoming));
  }
  outgoing_ = std::make_shared<OutgoingDirectory>(
      OutgoingDirectory::Create(driver_dispatcher_.get()));
  if (start_args_.outgoing_dir.is_valid()) {
    (void)outgoing_->Serve(std::move(start_args_.outgoing_dir));
  }
}

DriverBase::~DriverBase() {
  if (Logger::GlobalInstance() == logger_.get()) Logger::SetGlobalInstance(nullptr);
}

zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> DriverBase::AddChild(
    std::string_view node_name,
    std::span<const fuchsia_driver_framework::wire::NodeProperty> properties,
    std::span<const fuchsia_driver_framework::wire::Offer> offers) {
  fidl::Arena<4096> arena;
  auto args = fuchsia_driver_framework::wire::NodeAddArgs::Builder(arena)
                  .name(arena, node_name)
                  .properties(arena, properties.begin(), properties.end())
                  .offers(arena, offers.begin(), offers.end())
                  .Build();
  zx::result controller = fidl::CreateEndpoints<fuchsia_driver_framework::NodeController>();
  if (controller.is_error()) return controller.take_error();
  auto result = fidl::WireCall(node())->AddChild(args, std::move(controller->server), {});
  if (!result.ok()) return zx::error(result.status());
  if (result->is_error()) return zx::error(StatusOf(result->error_value()));
  return zx::ok(std::move(controller->client));
}

zx::result<DriverBase::OwnedChildNode> DriverBase::AddOwnedChild(std::string_view node_name) {
  fidl::Arena<512> arena;
  auto args = fuchsia_driver_framework::wire::NodeAddArgs::Builder(arena)
                  .name(arena, node_name)
                  .Build();
  zx::result controller = fidl::CreateEndpoints<fuchsia_driver_framework::NodeController>();
  if (controller.is_error()) return controller.take_error();
  zx::result child = fidl::CreateEndpoints<fuchsia_driver_framework::Node>();
  if (child.is_error()) return child.take_error();
  auto result = fidl::WireCall(node())->AddChild(args, std::move(controller->server),
                                                 std::move(child->server));
  if (!result.ok()) return zx::error(result.status());
  if (result->is_error()) return zx::error(StatusOf(result->error_value()));
  return zx::ok(OwnedChildNode{std::move(controller->client), std::move(child->client)});
}

}  // namespace fdf
