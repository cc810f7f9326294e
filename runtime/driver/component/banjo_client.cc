#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/logging/cpp/logger.h>

namespace compat {

zx::result<const GenericProtocol*> FindBanjoProtocol(const fdf::Namespace& incoming,
                                                     uint32_t proto_id,
                                                     std::string_view parent_name,
                                                     std::string* why) {
  auto fail = [why](zx_status_t status, std::string reason) {
    if (why) *why = std::move(reason);
    return zx::error(status);
  };
  const std::vector<std::string>& parents = incoming.parent_names();
  bool primary = parent_name == "default" || (!parents.empty() && parents.front() == parent_name);
  if (!primary) {
    return fail(ZX_ERR_NOT_SUPPORTED,
                "banjo protocol " + std::to_string(proto_id) + " of parent '" +
                    std::string(parent_name) +
                    "': only a composite's primary parent shares symbols with it in fdfkit");
  }
  if (!incoming.symbols()) {
    return fail(ZX_ERR_NOT_SUPPORTED,
                "banjo protocol " + std::to_string(proto_id) +
                    ": this driver does not run in its parent's driver host, and banjo is raw "
                    "pointers (same host only); mark it colocate: \"true\" or use the protocol's "
                    "FIDL service");
  }
  std::string name = BanjoSymbolName(proto_id);
  for (const fdf::NodeSymbol& symbol : *incoming.symbols()) {
    if (symbol.name == name && symbol.address != 0) {
      return zx::ok(reinterpret_cast<const GenericProtocol*>(symbol.address));
    }
  }
  return fail(ZX_ERR_NOT_FOUND, "banjo protocol " + std::to_string(proto_id) +
                                    ": the parent published no such protocol (no symbol " + name +
                                    ")");
}

zx::result<const GenericProtocol*> GetBanjoProtocol(const fdf::Namespace& incoming,
                                                    uint32_t proto_id,
                                                    std::string_view parent_name) {
  std::string why;
  zx::result<const GenericProtocol*> protocol =
      FindBanjoProtocol(incoming, proto_id, parent_name, &why);
  if (protocol.is_error()) FDF_LOG(ERROR, "%s", why.c_str());
  return protocol;
}

}  // namespace compat
