#include <lib/driver/component/cpp/start_args.h>

namespace fdf {
namespace {

std::string Text(const fidl::StringView& view) { return std::string(view.get()); }

}  // namespace

DriverStartArgs DriverStartArgs::FromWire(fuchsia_driver_framework::wire::DriverStartArgs& wire) {
  DriverStartArgs args;
  if (wire.has_node()) args.node = std::move(wire.node());
  if (wire.has_symbols()) {
    args.symbols.emplace();
    for (auto& symbol : wire.symbols()) {
      args.symbols->push_back({symbol.has_name() ? Text(symbol.name()) : "",
                               symbol.has_address() ? symbol.address() : 0,
                               symbol.has_module_name() ? Text(symbol.module_name()) : ""});
    }
  }
  if (wire.has_url()) args.url = Text(wire.url());
  if (wire.has_program()) {
    args.program.emplace();
    for (auto& entry : wire.program()) {
      ProgramEntry out{Text(entry.key), {}, entry.is_list};
      for (auto& value : entry.values) out.values.push_back(Text(value));
      args.program->push_back(std::move(out));
    }
  }
  if (wire.has_incoming()) {
    for (auto& entry : wire.incoming()) {
      NamespaceEntry out;
      if (entry.has_path()) out.path = Text(entry.path());
      if (entry.has_directory()) out.directory = std::move(entry.directory());
      args.incoming.push_back(std::move(out));
    }
  }
  if (wire.has_outgoing_dir()) args.outgoing_dir = std::move(wire.outgoing_dir());
  if (wire.has_config()) args.config = std::move(wire.config());
  if (wire.has_node_name()) args.node_name = Text(wire.node_name());
  if (wire.has_service_sources()) {
    for (auto& source : wire.service_sources()) {
      args.service_sources.push_back(
          {source.has_service_name() ? Text(source.service_name()) : "",
           source.has_instance() ? Text(source.instance()) : "default",
           source.has_source_node() ? Text(source.source_node()) : "",
           source.has_source_host() ? source.source_host() : 0});
    }
  }
  if (wire.has_host_id()) args.host_id = wire.host_id();
  if (wire.has_parent_names()) {
    for (auto& name : wire.parent_names()) args.parent_names.push_back(Text(name));
  }
  return args;
}

zx::result<std::string> ProgramValue(const std::optional<std::vector<ProgramEntry>>& program,
                                     std::string_view key) {
  if (program) {
    for (const ProgramEntry& entry : *program) {
      if (entry.key != key) continue;
      if (entry.is_list || entry.values.size() != 1) return zx::error(ZX_ERR_WRONG_TYPE);
      return zx::ok(entry.values[0]);
    }
  }
  return zx::error(ZX_ERR_NOT_FOUND);
}

zx::result<std::vector<std::string>> ProgramValueAsVector(
    const std::optional<std::vector<ProgramEntry>>& program, std::string_view key) {
  if (program) {
    for (const ProgramEntry& entry : *program) {
      if (entry.key != key) continue;
      if (!entry.is_list) return zx::error(ZX_ERR_WRONG_TYPE);
      return zx::ok(entry.values);
    }
  }
  return zx::error(ZX_ERR_NOT_FOUND);
}

}  // namespace fdf
