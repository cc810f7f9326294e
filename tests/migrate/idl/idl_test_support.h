// Parses in-memory IDL for the front-end tests.
#ifndef FDFKIT_TESTS_MIGRATE_IDL_IDL_TEST_SUPPORT_H_
#define FDFKIT_TESTS_MIGRATE_IDL_IDL_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "migrate/idl/compiler.h"
#include "migrate/idl/parser.h"

namespace fdfkit::idl::testing {

struct ParseResult {
  std::unique_ptr<fdfkit::idl::SourceFiles> files = std::make_unique<fdfkit::idl::SourceFiles>();
  std::unique_ptr<fdfkit::idl::Reporter> reporter = std::make_unique<fdfkit::idl::Reporter>(files.get());
  std::optional<fdfkit::idl::raw::File> file;
  std::string errors() const { return reporter->Summary(); }
};

inline ParseResult Parse(std::string_view text, const std::string& name = "test.fidl") {
  ParseResult r;
  unsigned id = r.files->AddBuffer(text, name);
  r.file = fdfkit::idl::ParseFile(*r.files, id, r.reporter.get());
  return r;
}

// Sources compiled together, with -I directories; `errors()` is the diagnostic summary.
struct Compiled {
  std::unique_ptr<fdfkit::idl::SourceFiles> files = std::make_unique<fdfkit::idl::SourceFiles>();
  std::unique_ptr<fdfkit::idl::Reporter> reporter = std::make_unique<fdfkit::idl::Reporter>(files.get());
  std::unique_ptr<fdfkit::idl::Compiler> compiler =
      std::make_unique<fdfkit::idl::Compiler>(files.get(), reporter.get());
  bool ok = false;
  std::string errors() const { return reporter->Summary(); }
  const fdfkit::idl::flat::Library& library(const std::string& name) const {
    static const fdfkit::idl::flat::Library kNone;
    const fdfkit::idl::flat::Library* found = compiler->Find(name);
    return found ? *found : kNone;
  }
  // A declaration of `library` by name (nullptr if absent), cast to its kind.
  template <typename T = fdfkit::idl::flat::Decl>
  const T* decl(const std::string& library_name, const std::string& name) const {
    return static_cast<const T*>(library(library_name).Lookup(name));
  }
};

// `sources`: (file name, text) pairs.
inline Compiled Compile(const std::vector<std::pair<std::string, std::string>>& sources,
                        const std::vector<std::string>& include_dirs = {}) {
  Compiled c;
  for (const auto& dir : include_dirs) c.compiler->AddSearchPath(dir);
  for (const auto& [name, text] : sources) c.compiler->AddSource(text, name);
  c.ok = !c.reporter->has_errors() && c.compiler->Compile();
  return c;
}
inline Compiled Compile(std::string_view text) { return Compile({{"test.fidl", std::string(text)}}); }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every IDL file of the bundled corpus.
inline std::vector<std::filesystem::path> CorpusFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(FDFKIT_SOURCE_DIR) / "corpus" / "protocols")) {
    auto ext = entry.path().extension();
    if (ext == ".fidl" || ext == ".banjo") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::filesystem::path CorpusDir() {
  return std::filesystem::path(FDFKIT_SOURCE_DIR) / "corpus" / "protocols";
}

// The corpus by library: the files of each library folder, folders sorted. Libraries that use
// others compile with CorpusDir() as a search path.
inline std::vector<std::vector<std::filesystem::path>> CorpusLibraries() {
  std::vector<std::vector<std::filesystem::path>> out;
  for (const std::filesystem::path& file : CorpusFiles()) {
    if (out.empty() || out.back().front().parent_path() != file.parent_path()) out.emplace_back();
    out.back().push_back(file);
  }
  return out;
}

// The sources of one corpus library, named relative to the source tree (as the main job names
// them), compiled with the corpus as search path.
inline Compiled CompileCorpusLibrary(const std::vector<std::filesystem::path>& files) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& file : files) {
    sources.emplace_back(std::filesystem::relative(file, FDFKIT_SOURCE_DIR).generic_string(),
                         ReadFile(file));
  }
  return Compile(sources, {CorpusDir().string()});
}

// A fresh directory per test (named after the process and the test), removed afterwards.
class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("fdfkit-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Writes `text` to `name` under the directory (creating folders); returns the full path.
  std::string Write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::filesystem::path dir_;
};

struct CommandRun {
  int exit_code;
  std::string output;  // stdout and stderr
};

// Runs `command` through the shell, capturing what it prints.
inline CommandRun RunCommand(const std::string& command) {
  CommandRun run{-1, ""};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace fdfkit::idl::testing

#endif  // FDFKIT_TESTS_MIGRATE_IDL_IDL_TEST_SUPPORT_H_
