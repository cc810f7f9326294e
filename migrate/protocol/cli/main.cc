// migrate-protocol: clone banjo protocols into driver-transport FIDL (see migrate/README.md).
// Exit codes: 0 done (or, with --check, outputs up to date), 1 input errors or stale outputs,
// 2 usage errors.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "idl/atomic_write.h"
#include "protocol/migrate_protocol.h"

namespace {

constexpr int kInputErrors = 1;
constexpr int kUsageError = 2;

std::string ReadOrEmpty(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migrate-protocol: clone banjo protocols into driver-transport FIDL"};
  std::vector<std::string> files, include_dirs;
  std::string out_dir = ".", transport = "driver";
  bool open = false, dry_run = false, check = false;
  app.add_option("files", files, "banjo files")->required()->check(CLI::ExistingFile);
  app.add_option("-I", include_dirs, "library search directory (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingDirectory);
  app.add_option("-o", out_dir, "output directory")->check(CLI::ExistingDirectory);
  app.add_option("--transport", transport, "driver (co-located) or channel (Zircon)")
      ->check(CLI::IsMember({"driver", "channel"}));
  app.add_flag("--open", open, "open protocols with flexible methods (default: closed, strict)");
  auto* dry = app.add_flag("--dry-run", dry_run, "print what would change; write nothing");
  app.add_flag("--check", check, "exit 1 if the outputs on disk are stale")->excludes(dry);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsageError;  // --help exits 0
  }

  fdf_migrate::TranslateOptions options;
  options.transport = transport == "driver" ? fdf_migrate::TranslateOptions::Transport::kDriver
                                            : fdf_migrate::TranslateOptions::Transport::kChannel;
  options.open_protocols = open;
  fdf_migrate::MigrateResult result = fdf_migrate::MigrateProtocols(files, include_dirs, options);
  if (!result.ok) {
    std::cerr << result.errors;
    return kInputErrors;
  }
  int stale = 0;
  for (const fdf_migrate::OutputFile& file : result.files) {
    std::filesystem::path path = std::filesystem::path(out_dir) / file.name;
    bool same = std::filesystem::exists(path) && ReadOrEmpty(path) == file.text;
    if (check || dry_run) {
      if (!same) {
        ++stale;
        std::cout << (check ? "stale: " : "would write: ") << path.string() << "\n";
        if (dry_run) std::cout << file.text;
      }
      continue;
    }
    if (!same && !fdf_idl::WriteFileAtomically(path.string(), file.text)) {
      std::cerr << path.string() << ": error: cannot write\n";
      return kInputErrors;
    }
  }
  if (check && stale > 0) return kInputErrors;
  return 0;
}
