// `fdf-idl gen`: compiles the inputs and writes the chosen bindings of every library named under
// an output directory. Exit codes as the other fdf-idl commands (migrate/idl/commands.h).
#ifndef FDFKIT_GENERATORS_GENERATE_COMMAND_H_
#define FDFKIT_GENERATORS_GENERATE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "migrate/idl/commands.h"

namespace fdfkit::generators {

struct GenerateOptions {
  // "wire", "channel", "driver", "banjo-c", "banjo-cpp", "banjo-mock", or a comma-separated
  // list of them; or "shims" alone (shims/shim_generator.h), which also needs:
  std::string bindings;
  std::string out_dir;
  std::vector<std::string> banjo_files;  // the banjo library the inputs were cloned from
  std::string mapping;                   // the clone's mapping.json
};

int RunGenerate(const idl::Inputs& inputs, const GenerateOptions& options, std::ostream& err);

}  // namespace fdfkit::generators

#endif  // FDFKIT_GENERATORS_GENERATE_COMMAND_H_
