// `fdf-idl gen --bindings=shims --mapping LIB.mapping.json --banjo BANJO... CLONE...`: the
// dual-stack shims of a banjo library and its driver-transport clone, generated from
// migrate-protocol's mapping (which says where each banjo parameter went). One header,
// `fidl/<clone library>/cpp/banjo_shims.h`, namespace `fdfkit::shims::<banjo library>`, per
// ddk-protocol or ddk-interface P:
//   PBanjoOverDriver   a p_protocol_t whose ops call an fdf::WireSyncClient<P>: hand it to an
//                      unmigrated banjo client of a migrated server
//   PDriverOverBanjo   an fdf::WireServer<P> that calls a p_protocol_t: an unmigrated banjo
//                      server serves driver-transport clients
//   PDualServer<D>     a mixin: D implements the banjo methods once and serves both transports
//   PDualFidlServer<D> the same from the FIDL methods: banjo callers reach them through a
//                      driver-transport channel to D
//   PDualClient        banjo-shaped; banjo when the parent offers it, else the driver transport
// Methods whose parameters do not convert (interface parameters, unions, tables, reshaped
// data) are left out of the FIDL direction with the reason in the header and on stderr, and
// answer ZX_ERR_NOT_SUPPORTED in the banjo direction.
#ifndef FDFKIT_SHIMS_SHIM_GENERATOR_H_
#define FDFKIT_SHIMS_SHIM_GENERATOR_H_

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "generators/library_view.h"
#include "migrate/idl/commands.h"

namespace fdfkit::shims {

struct ShimHeader {
  std::string path;  // relative: fidl/<clone>/cpp/banjo_shims.h
  std::string text;
  std::vector<std::string> left_out;  // "Protocol.Method: why"
};

// `mapping` is the clone's mapping.json; errors (a mapping that names what the libraries do
// not have) are returned as text and nothing is generated.
bool GenerateShims(const generators::LibraryView& banjo, const generators::LibraryView& fidl,
                   const nlohmann::json& mapping, ShimHeader* out, std::string* error);

// The command: compiles both libraries, reads the mapping, writes the header atomically.
int RunGenerateShims(const idl::Inputs& banjo_inputs, const idl::Inputs& fidl_inputs,
                     const std::string& mapping_path, const std::string& out_dir,
                     std::ostream& err);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_GENERATOR_H_
