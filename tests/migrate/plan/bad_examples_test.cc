// One bad input per diagnostic of migrate/plan/diagnostics.def: tests/migrate/plan/bad/
// fdfplanNNN.<kind> must report FDFPLANNNN first and no other error (warnings may accompany an
// error; a warning's example reports no error at all and that warning first). Retired rows keep no
// example. The kind, the file name after the code, says which function reads the example:
//
//   .inventory.json  an inventory                                    LoadInventory
//   .plan.json       {"inventory": I, "plan": P, "options": O}       ReadPlanJson, VerifyPlan
//                    with I a valid inventory and O {"ports_per_wave": N, "team_cap": {TEAM: N},
//                    "effort_per_wave": E, "team_effort": {TEAM: E}} (optional)
//   .overlay.json    a scan overlay                                  LoadScanRules
//   .board.json      {"inventory": S, "tree": {path: text}, "options": O}, S a valid scanned
//                    inventory; the tree is written to a temporary directory and S planned over
//                    it                                              PlanBoardConfig
//   .tree            a source tree as a bundle (below), unpacked into a temporary directory and
//                    scanned; an overlay.json at its root is also the overlay
//                                                                    LoadScanRules, ScanTree
//   .cli             a bundle whose `$ migrate-plan ARGS` line is run with the built migrate-plan,
//                    `{tmp}` in ARGS naming the directory its files are unpacked into; the codes
//                    are read from the tool's output (`error: [FDFPLANnnn]`). For what only the
//                    command line reports: unreadable or unwritable files, --team-cap,
//                    --team-effort, capacities that leave no plan.
//
// A bundle is text: `# ...` comment lines and the `$ migrate-plan` line, then each file as a
// `--- path ---` line followed by its lines. An error that must follow from the first is declared:
// `# also: FDFPLANnnn` in a bundle, "also": ["FDFPLANnnn"] at the top of a JSON example (every JSON
// reader here ignores keys it does not know).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "migrate/plan/board_config.h"
#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"
#include "migrate/plan/scan/scan_rules.h"
#include "migrate/plan/scan/scanner.h"
#include "migrate/plan/verifier.h"
#include "support/read_file.h"
#include "tests/support/diagnostic_examples.h"

#ifndef FDFKIT_SOURCE_DIR
#error "FDFKIT_SOURCE_DIR must name the repository"
#endif
#ifndef FDFKIT_MIGRATE_PLAN_BINARY
#error "FDFKIT_MIGRATE_PLAN_BINARY must name the built migrate-plan"
#endif

namespace fdfkit::plan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/plan/bad"; }

// What reading an example reported, in order.
struct Outcome : fdfkit::testing::ExampleOutcome {
  template <typename Located>
  void AddAll(const std::vector<Located>& diagnostics) {
    for (const Located& d : diagnostics) Add(*d.info, d.Text());
  }
};

// A directory that is removed when the example is done.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& name)
      : path_(fs::temp_directory_path() / ("fdfkit-bad-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TemporaryDirectory() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative) << text;
  }

 private:
  fs::path path_;
};

struct Bundle {
  std::vector<std::string> header;                // lines before the first file
  std::vector<std::pair<std::string, std::string>> files;
};

Bundle ReadBundle(const fs::path& path) {
  static const std::regex kFile(R"(^--- (.+) ---$)");
  Bundle bundle;
  std::istringstream lines(support::ReadFile(path.string()).value_or(""));
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kFile)) {
      bundle.files.push_back({m[1], ""});
    } else if (bundle.files.empty()) {
      bundle.header.push_back(line);
    } else {
      bundle.files.back().second += line + "\n";
    }
  }
  return bundle;
}

std::set<std::string> AlsoOf(const Bundle& bundle) {
  std::set<std::string> also;
  for (const std::string& line : bundle.header) {
    if (line.starts_with("# also: ")) also.insert(line.substr(8));
  }
  return also;
}

Json ReadJson(const fs::path& path) { return Json::parse(support::ReadFile(path.string()).value_or("")); }

std::set<std::string> AlsoOf(const Json& example) {
  std::set<std::string> also;
  if (example.is_object() && example.contains("also")) {
    for (const Json& code : example["also"]) also.insert(code.get<std::string>());
  }
  return also;
}

PlanOptions OptionsOf(const Json& example) {
  PlanOptions options;
  if (!example.contains("options")) return options;
  const Json& o = example["options"];
  options.ports_per_wave = o.value("ports_per_wave", 0);
  Json caps = o.value("team_cap", Json::object());
  for (const auto& [team, cap] : caps.items()) options.team_cap[team] = cap.get<int>();
  options.effort_per_wave = o.value("effort_per_wave", int64_t{0});
  Json budgets = o.value("team_effort", Json::object());
  for (const auto& [team, budget] : budgets.items()) options.team_effort[team] = budget.get<int64_t>();
  return options;
}

// The valid inventory a plan or board example builds on; a problem there is a broken example.
std::optional<InventoryLoad> ValidInventory(const Json& json, Outcome* outcome) {
  InventoryLoad load = ParseInventory(json.dump());
  if (load.inventory) return load;
  outcome->summary += "the example's inventory is invalid:\n";
  outcome->AddAll(load.errors);
  return std::nullopt;
}

Outcome ReadInventoryExample(const fs::path& path) {
  Outcome outcome;
  outcome.AddAll(LoadInventory(path.string()).errors);
  Json json = Json::parse(support::ReadFile(path.string()).value_or(""), nullptr, false);
  outcome.also = AlsoOf(json);
  return outcome;
}

Outcome ReadPlanExample(const fs::path& path) {
  Outcome outcome;
  Json example = ReadJson(path);
  outcome.also = AlsoOf(example);
  std::optional<InventoryLoad> load = ValidInventory(example["inventory"], &outcome);
  if (!load) return outcome;
  Requirements required = Require(*load->inventory);
  PlanRead read = ReadPlanJson(example["plan"].dump(), *load->inventory, required);
  outcome.AddAll(VerifyPlan(*load->inventory, required, read, OptionsOf(example)));
  return outcome;
}

Outcome ReadOverlayExample(const fs::path& path) {
  Outcome outcome;
  std::string text = support::ReadFile(path.string()).value_or("");
  outcome.AddAll(scan::LoadScanRules(text, path.filename().string()).errors);
  outcome.also = AlsoOf(Json::parse(text, nullptr, false));
  return outcome;
}

Outcome ReadBoardExample(const fs::path& path) {
  Outcome outcome;
  Json example = ReadJson(path);
  outcome.also = AlsoOf(example);
  std::optional<InventoryLoad> load = ValidInventory(example["inventory"], &outcome);
  if (!load) return outcome;
  TemporaryDirectory tree(path.stem().stem().string());
  Json files = example.value("tree", Json::object());
  for (const auto& [file, text] : files.items()) tree.Write(file, text.get<std::string>());
  Requirements required = Require(*load->inventory);
  PlannedMigration planned = PlanMigration(*load->inventory, required, OptionsOf(example));
  if (planned.error) {
    outcome.Add(*planned.error->info, planned.error->Text());
    return outcome;
  }
  outcome.AddAll(PlanBoardConfig(load->document, *load->inventory, required, planned.schedule, tree.path().string()).errors);
  return outcome;
}

Outcome ReadTreeExample(const fs::path& path) {
  Outcome outcome;
  Bundle bundle = ReadBundle(path);
  outcome.also = AlsoOf(bundle);
  TemporaryDirectory tree(path.stem().string());
  std::string overlay;
  for (const auto& [file, text] : bundle.files) {
    tree.Write(file, text);
    if (file == "overlay.json") overlay = text;
  }
  scan::ScanRulesLoad rules = scan::LoadScanRules(overlay, overlay.empty() ? "" : "overlay.json");
  outcome.AddAll(rules.errors);
  if (!rules.rules) return outcome;
  scan::ScanResult result = scan::ScanTree(tree.path().string(), *rules.rules, rules.overlay);
  // As `migrate-plan scan` prints them: what the scan could not decide, then the errors.
  outcome.AddAll(result.unresolved);
  outcome.AddAll(result.errors);
  return outcome;
}

Outcome RunCliExample(const fs::path& path) {
  static const std::regex kCode(R"((error|warning): \[(FDFPLAN\d+)\])");
  std::map<std::string, const support::DiagnosticInfo*> rows;
  for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) rows[info->Code()] = info;
  Outcome outcome;
  Bundle bundle = ReadBundle(path);
  outcome.also = AlsoOf(bundle);
  TemporaryDirectory dir(path.stem().string());
  for (const auto& [file, text] : bundle.files) dir.Write(file, text);
  std::string args;
  for (const std::string& line : bundle.header) {
    if (line.starts_with("$ migrate-plan ")) args = line.substr(15);
  }
  for (size_t at; (at = args.find("{tmp}")) != std::string::npos;) args.replace(at, 5, dir.path().string());
  fs::path log = dir.path() / "migrate-plan.log";
  int status = std::system((std::string(FDFKIT_MIGRATE_PLAN_BINARY) + " " + args + " > " + log.string() + " 2>&1").c_str());
  std::istringstream lines(support::ReadFile(log.string()).value_or(""));
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, kCode)) continue;
    auto row = rows.find(m[2]);
    if (row != rows.end()) outcome.Add(*row->second, line);
  }
  // An error stops the tool with 1 (invalid input) or 2 (usage).
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!outcome.error_codes.empty() && exit_code != 1 && exit_code != 2) {
    outcome.error_codes.push_back("exit code " + std::to_string(exit_code));
  }
  if (args.empty()) outcome.error_codes.push_back("no `$ migrate-plan ARGS` line");
  return outcome;
}

Outcome ReadExample(const fs::path& path) {
  std::string name = path.filename().string();
  std::string kind = name.substr(name.find('.'));
  if (kind == ".inventory.json") return ReadInventoryExample(path);
  if (kind == ".plan.json") return ReadPlanExample(path);
  if (kind == ".overlay.json") return ReadOverlayExample(path);
  if (kind == ".board.json") return ReadBoardExample(path);
  if (kind == ".tree") return ReadTreeExample(path);
  if (kind == ".cli") return RunCliExample(path);
  Outcome unknown;
  unknown.error_codes.push_back("unknown example kind " + kind);
  return unknown;
}

TEST(BadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  fdfkit::testing::ExpectOneExamplePerRow(
      diag::kAllDiagnostics, fdfkit::testing::FindExamples(BadDir(), "FDFPLAN"),
      [](const fs::path& path) -> fdfkit::testing::ExampleOutcome { return ReadExample(path); });
}

}  // namespace
}  // namespace fdfkit::plan
