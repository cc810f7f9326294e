#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/logging/cpp/logger.h>

namespace compat {

zx::result<const GenericProtocol*> GetBanjoProtocol(const fdf::Namespace& incoming,
                                                    uint32_t proto_id,
                                                    std::string_view parent_name) {
  const std::vector<std::string>& parents = incoming.parent_names();
  bool primary = parent_name == "default" || (!parents.empty() && parents.front() == parent_name);
  if (!primary) {
    FDF_LOG(ERROR, "banjo protocol %u of parent '%.*s': only a composite's primary parent shares "
                   "symbols with it in fdfkit",
            proto_id, static_cast<int>(parent_name.size()), parent_name.data());
    return zx::error(ZX_ERR_NOT_SUPPORTED);
  }
  if (!incoming.symbols()) {
    FDF_LOG(ERROR, "banjo protocol %u: this driver does not run in its parent's driver host, and "
                   "banjo is raw pointers (same host only); mark it colocate: \"true\" or use the "
                   "protocol's FIDL service",
            proto_id);
    return zx::error(ZX_ERR_NOT_SUPPORTED);
  }
  std::string name = BanjoSymbolName(proto_id);
  for (const fdf::NodeSymbol& symbol : *incoming.symbols()) {
    if (symbol.name == name && symbol.address != 0) {
      return zx::ok(reinterpret_cast<const GenericProtocol*>(symbol.address));
    }
  }
  FDF_LOG(ERROR, "banjo protocol %u: the parent published no such protocol (no symbol %s)",
          proto_id, name.c_str());
  return zx::error(ZX_ERR_NOT_FOUND);
}

}  // namespace compat
