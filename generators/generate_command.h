// `fdf-idl gen`: compiles the inputs and writes the chosen bindings of every library named under
// an output directory. Exit codes as the other fdf-idl commands (migrate/idl/commands.h).
#ifndef FDFKIT_GENERATORS_GENERATE_COMMAND_H_
#define FDFKIT_GENERATORS_GENERATE_COMMAND_H_

#include <ostream>
#include <string>

#include "migrate/idl/commands.h"

namespace fdfkit::generators {

// `bindings_list`: "wire", "channel", "driver", or a comma-separated list of them.
int RunGenerate(const idl::Inputs& inputs, const std::string& bindings_list,
                const std::string& out_dir, std::ostream& err);

}  // namespace fdfkit::generators

#endif  // FDFKIT_GENERATORS_GENERATE_COMMAND_H_
