#include "generators/generate_command.h"

#include <filesystem>
#include <set>
#include <sstream>

#include "generators/banjo/banjo_generator.h"
#include "generators/cpp/cpp_generator.h"
#include "shims/shim_generator.h"
#include "support/atomic_write.h"

namespace fdfkit::generators {

int RunGenerate(const idl::Inputs& inputs, const GenerateOptions& options, std::ostream& err) {
  const std::string& out_dir = options.out_dir;
  if (options.bindings == "shims") {
    if (options.mapping.empty() || options.banjo_files.empty()) {
      idl::PrintDiagnostic(err, idl::diag::kShimsNeedMapping);
      return idl::kExitUsage;
    }
    idl::Inputs banjo{options.banjo_files, inputs.include_dirs};
    return shims::RunGenerateShims(banjo, inputs, options.mapping, out_dir, err);
  }
  std::set<cpp::Bindings> bindings;
  std::vector<banjo::BanjoBindings> banjo_bindings;
  std::stringstream list(options.bindings);
  for (std::string item; std::getline(list, item, ',');) {
    if (item == "wire") {
      bindings.insert(cpp::Bindings::kWire);
    } else if (item == "channel") {
      bindings.insert(cpp::Bindings::kChannel);
    } else if (item == "driver") {
      bindings.insert(cpp::Bindings::kDriver);
    } else if (item == "banjo-c") {
      banjo_bindings.push_back(banjo::BanjoBindings::kC);
    } else if (item == "banjo-cpp") {
      banjo_bindings.push_back(banjo::BanjoBindings::kCpp);
    } else if (item == "banjo-mock") {
      banjo_bindings.push_back(banjo::BanjoBindings::kMock);
    } else if (item == "shims") {
      idl::PrintDiagnostic(err, idl::diag::kShimsNeedMapping);
      return idl::kExitUsage;
    } else {
      idl::PrintDiagnostic(err, idl::diag::kUnknownBindings, item);
      return idl::kExitUsage;
    }
  }
  idl::Compilation c;
  if (!idl::CompileInputs(inputs, /*syntax_only=*/false, &c, err)) return idl::kExitInputErrors;
  for (const idl::flat::Library* library : c.compiler.targets()) {
    LibraryView view(*library);
    std::map<std::string, std::string> files;
    if (!bindings.empty()) files = cpp::Generate(view, bindings);
    files.merge(banjo::Generate(view, banjo_bindings));
    for (const auto& [relative, text] : files) {
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
