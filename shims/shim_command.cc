// `fdf-idl gen --bindings=shims`: compiles the banjo library and its clone, reads the mapping,
// generates the header (shim_generator.h) and writes it atomically.
#include <algorithm>
#include <filesystem>
#include <string_view>

#include "shims/shim_generator.h"
#include "support/atomic_write.h"
#include "support/read_file.h"

namespace fdfkit::shims {
namespace {

// The banjo library and its clone import libraries of the same names: each compilation finds its
// imports beside its own inputs first (a folder of clones, or the tree of per-library folders
// its inputs sit in), then in the -I directories.
idl::Inputs OwnImportsFirst(const idl::Inputs& inputs) {
  idl::Inputs out{inputs.files, {}};
  for (const std::string& file : inputs.files) {
    std::filesystem::path dir = std::filesystem::path(file).parent_path();
    if (dir.empty()) dir = ".";
    for (const std::filesystem::path& root : {dir, dir.parent_path()}) {
      if (!root.empty() && std::find(out.include_dirs.begin(), out.include_dirs.end(),
                                     root.string()) == out.include_dirs.end()) {
        out.include_dirs.push_back(root.string());
      }
    }
  }
  out.include_dirs.insert(out.include_dirs.end(), inputs.include_dirs.begin(),
                          inputs.include_dirs.end());
  return out;
}

}  // namespace

int RunGenerateShims(const idl::Inputs& banjo_inputs, const idl::Inputs& fidl_inputs,
                     const std::string& mapping_path, const std::string& out_dir,
                     std::ostream& err) {
  std::optional<std::string> text = support::ReadFile(mapping_path);
  if (!text) {
    idl::PrintDiagnostic(err, idl::diag::kInvalidMapping, mapping_path, "cannot be read");
    return idl::kExitInputErrors;
  }
  nlohmann::json mapping = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (mapping.is_discarded()) {
    idl::PrintDiagnostic(err, idl::diag::kInvalidMapping, mapping_path, "not valid JSON");
    return idl::kExitInputErrors;
  }
  idl::Compilation banjo_compilation, fidl_compilation;
  if (!idl::CompileInputs(OwnImportsFirst(banjo_inputs), false, &banjo_compilation, err) ||
      !idl::CompileInputs(OwnImportsFirst(fidl_inputs), false, &fidl_compilation, err)) {
    return idl::kExitInputErrors;
  }
  if (banjo_compilation.compiler.targets().empty() || fidl_compilation.compiler.targets().empty()) {
    idl::PrintDiagnostic(err, idl::diag::kShimsNeedMapping);
    return idl::kExitUsage;
  }
  generators::LibraryView banjo(*banjo_compilation.compiler.targets().back());
  generators::LibraryView fidl(*fidl_compilation.compiler.targets().back());
  ShimHeader header;
  std::string error;
  if (!GenerateShims(banjo, fidl, mapping, &header, &error)) {
    idl::PrintDiagnostic(err, idl::diag::kInvalidMapping, mapping_path, error);
    return idl::kExitInputErrors;
  }
  for (const std::string& left_out : header.left_out) {
    std::string_view what(left_out);
    size_t colon = what.find(": ");
    idl::PrintDiagnostic(err, idl::diag::kShimMethodLeftOut, what.substr(0, colon),
                         what.substr(colon + 2));
  }
  std::filesystem::path path = std::filesystem::path(out_dir) / header.path;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec || !support::WriteFileAtomically(path.string(), header.text)) {
    idl::PrintDiagnostic(err, idl::diag::kCannotWriteOutput, path.string());
    return idl::kExitInputErrors;
  }
  return idl::kExitOk;
}

}  // namespace fdfkit::shims
