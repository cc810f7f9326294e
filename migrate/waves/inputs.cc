#include "migrate/waves/inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "migrate/plan/plan_json.h"
#include "migrate/waves/diff_headers.h"
#include "migrate/plan/verifier.h"
#include "runtime/driver/config/board_file.h"
#include "runtime/driver/config/json_input.h"
#include "support/read_file.h"

namespace fdfkit::waves {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool IsFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// Ids become file names under <out> (<board>-board.json, <driver>.dual.diff).
bool IsPlainName(const std::string& id) {
  return !id.empty() && id != "." && id != ".." && id.find('/') == std::string::npos &&
         id.find('\0') == std::string::npos;
}

// Whether `path` is `root` or inside it, symlinks and ".." resolved as far as they exist.
bool IsWithin(const std::string& path, const std::string& root) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
  fs::path r = fs::weakly_canonical(fs::absolute(root), ec);
  auto [r_end, p_at] = std::mismatch(r.begin(), r.end(), p.begin(), p.end());
  for (auto it = r_end; it != r.end(); ++it) {
    if (!it->empty()) return false;  // a trailing "" component is not a difference
  }
  return true;
}

class InputsLoader {
 public:
  explicit InputsLoader(const RunOptions& options) {
    inputs_.options = options;
    if (inputs_.options.build_dir.empty()) {
      inputs_.options.build_dir =
          fs::absolute(options.drivers).lexically_normal().parent_path().string();
    }
  }

  InputsLoad Load() {
    const RunOptions& o = inputs_.options;
    if (o.through_wave < 0) Error(At("", "", diag::kBadThroughWave, o.through_wave));
    for (const std::string* dir : {&o.tree, &o.drivers, &o.board_config}) {
      if (!IsDirectory(*dir)) Error(At("", "", diag::kNotADirectory, *dir));
    }
    if (!IsFile(o.boot) || access(o.boot.c_str(), X_OK) != 0) {
      Error(At("", "", diag::kNotAnExecutable, o.boot));
    }
    if (!o.out.empty() && IsDirectory(o.tree) && IsWithin(o.out, o.tree)) {
      Error(At("", "", diag::kOutInsideTree, o.out, o.tree));
    }
    bool have_inventory = LoadInventoryAndPlan();
    std::optional<std::string> config_text = support::ReadFile(o.config);
    if (!config_text) {
      Error(At(o.config, "", diag::kCannotReadFile, o.config));
    } else {
      ConfigRead read = ParseWavesConfig(*config_text, o.config);
      for (const InputDiagnostic& d : read.errors) Error(d);
      if (read.config) {
        inputs_.config = std::move(*read.config);
        if (have_inventory) CheckConfig();
      }
    }
    if (have_inventory && IsDirectory(o.board_config)) LoadUpdates();
    InputsLoad load;
    load.errors = std::move(errors_);
    if (load.errors.empty()) load.inputs = std::move(inputs_);
    return load;
  }

 private:
  bool LoadInventoryAndPlan() {
    const RunOptions& o = inputs_.options;
    plan::InventoryLoad load = plan::LoadInventory(o.inventory);
    for (const plan::JsonDiagnostic& d : load.errors) errors_.push_back(o.inventory + ": " + d.Text());
    if (!load.inventory) return false;
    inventory_json_ = std::move(load.document);
    inputs_.inventory = std::move(*load.inventory);
    inputs_.required = plan::Require(inputs_.inventory);
    std::optional<std::string> text = support::ReadFile(o.plan);
    if (!text) {
      Error(At(o.plan, "", diag::kCannotReadFile, o.plan));
      return false;
    }
    plan::PlanRead read = plan::ReadPlanJson(*text, inputs_.inventory, inputs_.required);
    // Capacities are the planner's business; every other rule must hold for states to make sense.
    std::vector<plan::JsonDiagnostic> violations =
        plan::VerifyPlan(inputs_.inventory, inputs_.required, read, plan::PlanOptions{});
    if (!violations.empty()) {
      Error(At(o.plan, "", diag::kPlanInvalid));
      for (const plan::JsonDiagnostic& d : violations) errors_.push_back(o.plan + ": " + d.Text());
      return false;
    }
    inputs_.schedule = std::move(read.schedule);
    // The action texts in the plan's own order; ReadPlanJson has checked their shapes.
    Json plan = Json::parse(*text, nullptr, false);
    for (const Json& wave : plan["waves"]) {
      PlanWave w;
      w.wave = wave["wave"].get<int>();
      plan_waves_.insert(w.wave);
      if (o.through_wave > 0 && w.wave > o.through_wave) continue;
      for (const Json& a : wave.value("actions", Json::array())) {
        std::string kind = a.value("kind", "");
        std::string what = a.contains("driver")     ? a["driver"].get<std::string>()
                           : a.contains("protocol") ? a["protocol"].get<std::string>()
                                                    : a.value("board", "") + "/" + a.value("host", "");
        w.actions.push_back(kind + " " + what);
      }
      inputs_.waves.push_back(std::move(w));
    }
    if (!plan_waves_.empty() && o.through_wave > *plan_waves_.rbegin()) {
      Error(At("", "", diag::kThroughWavePastPlan, o.through_wave, *plan_waves_.rbegin()));
    }
    return true;
  }

  void CheckConfig() {
    const RunOptions& o = inputs_.options;
    const plan::Inventory& inventory = inputs_.inventory;
    for (const BoardConfig& config : inputs_.config.boards) {
      if (!IsPlainName(config.id)) {
        Error(At(o.config, config.path + ".id", diag::kNotAPlainName, config.id));
        continue;
      }
      auto b = inventory.board_index.find(config.id);
      if (b == inventory.board_index.end()) {
        Error(At(o.config, config.path + ".id", diag::kUnknownBoard, config.id));
        continue;
      }
      BoardInputs board;
      board.config = config;
      board.board = b->second;
      const Json* scanned = ScannedBoard(config.id);
      if (!scanned || !scanned->contains("gni") || !scanned->contains("labels")) {
        Error(At(o.inventory, "$.boards[" + std::to_string(b->second) + "]",
                 diag::kBoardNotScanned, config.id));
        continue;
      }
      std::string inventory_gni = scanned->value("gni", "");
      board.gni = config.gni.empty() ? inventory_gni : config.gni;
      if (board.gni != inventory_gni) {
        Error(At(o.config, config.path + ".gni", diag::kGniDiffersFromInventory, config.id,
                 inventory_gni, config.gni));
      }
      if (!StaysInside(board.gni) || !IsFile((fs::path(o.tree) / board.gni).string())) {
        Error(At(o.config, config.path + ".gni", diag::kFileNotInTree, board.gni, o.tree));
      }
      std::set<std::string> lists;
      for (const Json& label : (*scanned)["labels"]) {
        std::string driver = label.value("driver", "");
        auto d = inventory.driver_index.find(driver);
        if (d == inventory.driver_index.end()) continue;  // the scan only lists known drivers
        board.labels.push_back({d->second, label.value("label", ""), label.value("ported_label", "")});
        lists.insert(label.value("list", "board_bootfs_labels"));
      }
      board.lists.assign(lists.begin(), lists.end());
      board.base_path = (fs::path(o.drivers) / config.base).string();
      if (!StaysInside(config.base)) {
        Error(At(o.config, config.path + ".base", diag::kPathLeavesFolder, config.base, o.drivers));
        continue;
      }
      if (ReadBaseBoard(&board)) inputs_.boards.push_back(std::move(board));
    }
    for (const auto& [id, sources] : inputs_.config.drivers) {
      if (!IsPlainName(id)) Error(At(o.config, sources.path, diag::kNotAPlainName, id));
      for (const auto& [field, rewritten] : {std::pair{".dual", &sources.dual},
                                            std::pair{".replace", &sources.replace}}) {
        if (!rewritten->empty() && !StaysInside(*rewritten)) {
          Error(At(o.config, sources.path + field, diag::kPathLeavesFolder, *rewritten,
                   o.build_dir));
        }
      }
      if (!inventory.driver_index.count(id)) {
        Error(At(o.config, sources.path, diag::kUnknownDriver, id));
      }
      if (!StaysInside(sources.source) || !IsFile((fs::path(o.tree) / sources.source).string())) {
        Error(At(o.config, sources.path + ".source", diag::kFileNotInTree, sources.source, o.tree));
      }
    }
  }

  const Json* ScannedBoard(const std::string& id) const {
    if (!inventory_json_.contains("boards")) return nullptr;
    for (const Json& board : inventory_json_["boards"]) {
      if (board.value("id", "") == id) return &board;
    }
    return nullptr;
  }

  // Read with the runtime's board reader, so a base board fdfkit-boot would refuse is refused
  // here, before anything runs; the JSON itself is kept to be recomposed per wave.
  bool ReadBaseBoard(BoardInputs* board) {
    const std::string where = board->config.path + ".base";
    std::string why;
    std::unique_ptr<support::SourceFile> file = support::SourceFile::Read(board->base_path, &why);
    if (!file) {
      Error(At(inputs_.options.config, where, diag::kCannotReadFile, board->base_path));
      return false;
    }
    support::Diagnostics diagnostics("migrate-waves");
    std::optional<driver::Board> parsed = driver::ReadBoard(*file, &diagnostics);
    std::optional<driver::JsonInput> input =
        parsed ? driver::JsonInput::Parse(*file, "board file", &diagnostics) : std::nullopt;
    if (!parsed || !input || diagnostics.has_errors()) {
      Error(At(inputs_.options.config, where, diag::kBaseBoardInvalid, board->base_path,
               diagnostics.Summary()));
      return false;
    }
    board->base = input->root();
    return true;
  }

  void LoadUpdates() {
    const RunOptions& o = inputs_.options;
    std::string updates_path = (fs::path(o.board_config) / "updates.json").string();
    std::optional<std::string> text = support::ReadFile(updates_path);
    if (!text) {
      Error(At(updates_path, "", diag::kCannotReadFile, updates_path));
      return;
    }
    Json updates = Json::parse(*text, nullptr, false);
    if (updates.is_discarded()) {
      Error(At(updates_path, "", diag::kInvalidJson, "syntax error"));
      return;
    }
    if (!updates.is_object() || updates.value("schema", "") != "fdfkit-board-config/1") {
      Error(At(updates_path, "$.schema", diag::kExpectedSchema, "fdfkit-board-config/1"));
      return;
    }
    if (!updates.contains("waves") || !updates["waves"].is_array()) {
      Error(At(updates_path, "$.waves", diag::kExpectedArray));
      return;
    }
    const Json& waves = updates["waves"];
    for (size_t i = 0; i < waves.size(); ++i) {
      std::string path = "$.waves[" + std::to_string(i) + "]";
      const Json& wave = waves[i];
      if (!wave.is_object() || !wave.contains("wave") || !wave["wave"].is_number_integer() ||
          wave["wave"].get<int>() < 1) {
        Error(At(updates_path, path + ".wave", diag::kExpectedPositiveInteger));
        continue;
      }
      int number = wave["wave"].get<int>();
      if (!plan_waves_.count(number)) Error(At(updates_path, path + ".wave", diag::kWaveNotInPlan, number));
      if (!wave.contains("updates") || !wave["updates"].is_array()) {
        Error(At(updates_path, path + ".updates", diag::kExpectedArray));
        continue;
      }
      for (size_t u = 0; u < wave["updates"].size(); ++u) {
        const Json& update = wave["updates"][u];
        std::string upath = path + ".updates[" + std::to_string(u) + "]";
        if (!update.is_object()) {
          Error(At(updates_path, upath, diag::kExpectedObject));
          continue;
        }
        if (!update.contains("diff")) continue;  // deletions: notes, nothing to apply
        if (!update["diff"].is_string() || update["diff"].get<std::string>().empty()) {
          Error(At(updates_path, upath + ".diff", diag::kExpectedNonEmptyString));
          continue;
        }
        BoardDiff diff;
        diff.wave = number;
        diff.board = update.value("board", "");
        diff.host = update.value("host", "");
        diff.file = update["diff"].get<std::string>();
        diff.path = (fs::path(o.board_config) / diff.file).string();
        if (!StaysInside(diff.file)) {
          Error(At(updates_path, upath + ".diff", diag::kUnsafeDiffPath, diff.file));
        } else if (!IsFile(diff.path)) {
          Error(At(updates_path, upath + ".diff", diag::kMissingDiff, diff.path));
        } else if (!CheckDiff(diff.path)) {
          // Reported at the diff's lines.
        } else if (o.through_wave == 0 || number <= o.through_wave) {
          inputs_.diffs.push_back(std::move(diff));
        }
      }
    }
  }

  bool CheckDiff(const std::string& path) {
    std::optional<std::string> text = support::ReadFile(path);
    if (!text) {
      Error(At(path, "", diag::kCannotReadFile, path));
      return false;
    }
    std::vector<InputDiagnostic> problems = CheckBoardDiff(path, *text, inputs_.options.tree);
    for (const InputDiagnostic& d : problems) Error(d);
    return problems.empty();
  }

  void Error(const InputDiagnostic& d) { errors_.push_back(d.Text()); }

  WaveInputs inputs_;
  Json inventory_json_;
  std::set<int> plan_waves_;
  std::vector<std::string> errors_;
};

}  // namespace

InputsLoad LoadInputs(const RunOptions& options) { return InputsLoader(options).Load(); }

}  // namespace fdfkit::waves
