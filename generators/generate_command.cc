#include "generators/generate_command.h"

#include <filesystem>
#include <set>
#include <sstream>

#include "generators/cpp/cpp_generator.h"
#include "support/atomic_write.h"

namespace fdfkit::generators {

int RunGenerate(const idl::Inputs& inputs, const std::string& bindings_list,
                const std::string& out_dir, std::ostream& err) {
  std::set<cpp::Bindings> bindings;
  std::stringstream list(bindings_list);
  for (std::string item; std::getline(list, item, ',');) {
    if (item == "wire") {
      bindings.insert(cpp::Bindings::kWire);
    } else if (item == "channel") {
      bindings.insert(cpp::Bindings::kChannel);
    } else if (item == "driver") {
      bindings.insert(cpp::Bindings::kDriver);
    } else {
      idl::PrintDiagnostic(err, idl::diag::kUnknownBindings, item);
      return idl::kExitUsage;
    }
  }
  idl::Compilation c;
  if (!idl::CompileInputs(inputs, /*syntax_only=*/false, &c, err)) return idl::kExitInputErrors;
  for (const idl::flat::Library* library : c.compiler.targets()) {
    for (const auto& [relative, text] : cpp::Generate(LibraryView(*library), bindings)) {
      std::filesystem::path path = std::filesystem::path(out_dir) / relative;
      std::error_code error;
      std::filesystem::create_directories(path.parent_path(), error);
      if (error || !support::WriteFileAtomically(path.string(), text)) {
        idl::PrintDiagnostic(err, idl::diag::kCannotWriteOutput, path.string());
        return idl::kExitInputErrors;
      }
    }
  }
  return idl::kExitOk;
}

}  // namespace fdfkit::generators
