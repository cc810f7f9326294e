#include <lib/driver/incoming/cpp/namespace.h>
#include <lib/driver/logging/cpp/logger.h>
#include <lib/fidl/cpp/wire/wire_messaging.h>

namespace fdf {

zx::result<Namespace> Namespace::Create(std::vector<NamespaceEntry>& entries,
                                        std::vector<ServiceSource> sources, uint64_t host_id,
                                        std::optional<std::vector<NodeSymbol>> symbols,
                                        std::vector<std::string> parent_names) {
  Namespace ns;
  for (NamespaceEntry& entry : entries) {
    if (entry.path.empty() || entry.path[0] != '/' || !entry.directory.is_valid()) {
      return zx::error(ZX_ERR_INVALID_ARGS);
    }
    ns.entries_.push_back(std::move(entry));
  }
  entries.clear();
  ns.sources_ = std::move(sources);
  ns.host_id_ = host_id;
  ns.symbols_ = std::move(symbols);
  ns.parent_names_ = std::move(parent_names);
  return zx::ok(std::move(ns));
}

zx::result<> Namespace::Open(std::string_view path, fuchsia_io::wire::OpenFlags flags,
                             zx::channel object) const {
  // The entry whose path is the longest prefix of `path` ("/svc" for "/svc/a/b").
  const NamespaceEntry* best = nullptr;
  for (const NamespaceEntry& entry : entries_) {
    bool under = path == entry.path ||
                 (path.starts_with(entry.path) && path.size() > entry.path.size() &&
                  (path[entry.path.size()] == '/' || entry.path == "/"));
    if (under && (!best || entry.path.size() > best->path.size())) best = &entry;
  }
  if (!best) return zx::error(ZX_ERR_NOT_FOUND);
  std::string_view rest = path.substr(best->path.size());
  while (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
  fidl::OneWayStatus status = fidl::WireCall(best->directory)
                                  ->Open(fidl::StringView::FromExternal(rest.empty() ? "." : rest),
                                         flags, std::move(object));
  if (!status.ok()) return zx::error(status.status());
  return zx::ok();
}

std::optional<ServiceSource> Namespace::SourceOf(std::string_view service,
                                                 std::string_view instance) const {
  for (const ServiceSource& source : sources_) {
    if (source.service_name == service && source.instance == instance) return source;
  }
  return std::nullopt;
}

zx::result<zx::channel> Namespace::ConnectChannelMember(std::string_view service,
                                                        std::string_view instance,
                                                        std::string_view member) const {
  zx::channel client, server;
  if (zx_status_t status = zx::channel::create(0, &client, &server); status != ZX_OK) {
    return zx::error(status);
  }
  std::string path = "/svc/" + std::string(service) + "/" + std::string(instance) + "/" +
                     std::string(member);
  if (zx::result<> opened = Open(path, {}, std::move(server)); opened.is_error()) {
    return opened.take_error();
  }
  return zx::ok(std::move(client));
}

zx::result<fdf::Channel> Namespace::ConnectDriverMember(std::string_view service,
                                                        std::string_view instance,
                                                        std::string_view member) const {
  // fdf channels exist inside one process: a member served from another driver host cannot be
  // reached over the driver transport, whatever the routing says.
  if (std::optional<ServiceSource> source = SourceOf(service, instance);
      source && host_id_ != 0 && source->source_host != host_id_) {
    FDF_LOG(ERROR,
            "cannot connect to driver-transport service %.*s (instance '%.*s'): it is served by "
            "node '%s' in driver host %lu, and this driver runs in driver host %lu; the driver "
            "transport works inside one host only (colocate the drivers, or offer a "
            "Zircon-channel service)",
            static_cast<int>(service.size()), service.data(), static_cast<int>(instance.size()),
            instance.data(), source->source_node.c_str(),
            static_cast<unsigned long>(source->source_host), static_cast<unsigned long>(host_id_));
    return zx::error(ZX_ERR_NOT_SUPPORTED);
  }
  zx::channel token_client, token_server;
  if (zx_status_t status = zx::channel::create(0, &token_client, &token_server); status != ZX_OK) {
    return zx::error(status);
  }
  std::string path = "/svc/" + std::string(service) + "/" + std::string(instance) + "/" +
                     std::string(member);
  if (zx::result<> opened =
          Open(path, fuchsia_io::wire::OpenFlags::kDriverToken, std::move(token_server));
      opened.is_error()) {
    return opened.take_error();
  }
  zx::result<fdf::ChannelPair> pair = fdf::ChannelPair::Create(0);
  if (pair.is_error()) return pair.take_error();
  if (zx::result<> connected = fdf::ProtocolConnect(std::move(token_client), std::move(pair->end1));
      connected.is_error()) {
    return connected.take_error();
  }
  return zx::ok(std::move(pair->end0));
}

}  // namespace fdf
