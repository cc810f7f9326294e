#include "runtime/driver/config/board_loader.h"

#include <filesystem>
#include <map>

namespace fdfkit::driver {

std::optional<LoadedBoard> LoadBoard(const std::string& board_path, Diagnostics* diagnostics) {
  size_t errors = diagnostics->error_count();
  std::string why;
  std::unique_ptr<SourceFile> board_file = SourceFile::Read(board_path, &why);
  if (!board_file) {
    diagnostics->ReportFile(diag::kCannotReadFile, board_path, board_path, why);
    return std::nullopt;
  }
  std::optional<Board> board = ReadBoard(*board_file, diagnostics);
  if (!board) return std::nullopt;
  LoadedBoard loaded{std::move(*board), {}};
  std::map<std::string, std::string> url_to_manifest;
  for (const std::string& manifest_path : loaded.board.drivers) {
    std::unique_ptr<SourceFile> manifest_file = SourceFile::Read(manifest_path, &why);
    if (!manifest_file) {
      diagnostics->ReportFile(diag::kCannotReadFile, manifest_path, manifest_path, why);
      continue;
    }
    std::optional<DriverManifest> manifest = ReadDriverManifest(*manifest_file, diagnostics);
    if (!manifest) continue;
    auto [seen, fresh] = url_to_manifest.try_emplace(manifest->url, manifest_path);
    if (!fresh) {
      diagnostics->ReportFile(diag::kDuplicateDriverUrl, manifest_path, manifest->url,
                              seen->second, manifest_path);
      continue;
    }
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(manifest->binary, ignored)) {
      diagnostics->ReportFile(diag::kMissingDriverBinary, manifest_path, manifest->binary);
    }
    std::unique_ptr<SourceFile> bind_file = SourceFile::Read(manifest->bind, &why);
    if (!bind_file) {
      diagnostics->ReportFile(diag::kCannotReadFile, manifest_path, manifest->bind, why);
      continue;
    }
    std::string_view bytes = bind_file->text();
    std::string error;
    std::optional<bind::Program> program =
        bind::Decode({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}, &error);
    if (!program) {
      diagnostics->ReportFile(diag::kCorruptBindProgram, manifest->bind, manifest->bind, error);
      continue;
    }
    loaded.drivers.push_back({std::move(*manifest), std::move(*program)});
  }
  if (diagnostics->error_count() != errors) return std::nullopt;
  return loaded;
}

}  // namespace fdfkit::driver
