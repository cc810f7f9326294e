#include "migrate/waves/wave_runner.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "migrate/waves/board_composition.h"
#include "migrate/waves/migration_state.h"
#include "migrate/waves/results_json.h"
#include "migrate/waves/source_diffs.h"
#include "migrate/waves/staged_tree.h"
#include "migrate/waves/subprocess.h"
#include "migrate/waves/waves_report.h"
#include "support/atomic_write.h"
#include "support/read_file.h"

namespace fdfkit::waves {
namespace {

namespace fs = std::filesystem;

std::string WaveFolder(int wave) {
  char name[32];
  snprintf(name, sizeof(name), "wave-%02d", wave);
  return name;
}

class WaveSequence {
 public:
  explicit WaveSequence(const WaveInputs& inputs)
      : inputs_(inputs),
        state_(inputs.inventory, inputs.required, inputs.schedule),
        out_(inputs.options.out),
        tree_((fs::path(out_) / "tree").string()),
        staging_((fs::path(out_) / ".staging-tree").string()) {}

  RunResult Run() {
    result_.start = Hosts(0);
    bool stopped = !Start();
    for (const PlanWave& wave : inputs_.waves) {
      WaveResult w;
      w.wave = wave.wave;
      w.actions = wave.actions;
      w.hosts = Hosts(wave.wave);
      for (size_t d = 0; d < inputs_.inventory.drivers.size(); ++d) {
        w.drivers[inputs_.inventory.drivers[d].id] =
            VariantKindName(state_.DriverAfter(static_cast<int>(d), wave.wave));
      }
      if (!stopped) {
        RunWave(&w);
        if (!w.green || !result_.output_error.empty()) {
          stopped = true;
          result_.failed_wave = w.wave;
          result_.failure = w.failure;
        } else {
          result_.last_green = w.wave;
        }
      }
      result_.waves.push_back(std::move(w));
    }
    return result_;
  }

 private:
  // The pristine start: <out>/tree is the tree as given, before any wave. A previous run's tree
  // is removed first, so a start that fails never leaves one that passes for this run's.
  bool Start() {
    std::string why;
    bool made = Remove(staging_, &why) && Remove(tree_, &why) &&
                CopyTree(inputs_.options.tree, staging_, &why) && PromoteTree(staging_, tree_, &why);
    if (!made) {
      result_.start_failed = true;
      result_.failure = "start: " + why;
      std::string ignored;
      Remove(staging_, &ignored);
    }
    return made;
  }

  static bool Remove(const std::string& path, std::string* why) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) *why = "cannot remove " + path + ": " + ec.message();
    return !ec;
  }

  // An output that cannot be written stops the run (exit kExitCannotWrite): a report with files
  // missing would mislead.
  void OutputFailed(WaveResult* w, const std::string& what) {
    if (result_.output_error.empty()) {
      result_.output_error = At("", "", diag::kCannotWriteFile, what).Text();
    }
    if (w) Fail(w, "output", "write", what);
  }

  std::vector<HostStatus> Hosts(int wave) const {
    std::vector<HostStatus> hosts;
    const plan::Inventory& inventory = inputs_.inventory;
    for (size_t b = 0; b < inventory.boards.size(); ++b) {
      for (size_t h = 0; h < inventory.boards[b].hosts.size(); ++h) {
        HostState s = state_.HostAfter(static_cast<int>(b), static_cast<int>(h), wave);
        hosts.push_back({inventory.boards[b].id, inventory.boards[b].hosts[h].id, HostStateClass(s),
                         HostStateName(s)});
      }
    }
    return hosts;
  }

  void RunWave(WaveResult* w) {
    w->ran = true;
    const std::string folder = WaveFolder(w->wave);
    const fs::path dir = fs::path(out_) / folder;
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string why;
    if (ec) return OutputFailed(w, dir.string() + ": " + ec.message());
    if (!Remove(staging_, &why)) return OutputFailed(w, why);
    if (!CopyTree(tree_, staging_, &why)) {
      Fail(w, "tree", "copy", why);
      Remove(staging_, &why);
      return;
    }
    std::vector<std::string> unwritten;
    w->source_diffs = WriteSourceDiffs(inputs_, state_, w->wave, out_, folder, &unwritten);
    if (!unwritten.empty()) return Discard(w, unwritten.front());
    bool diffs_apply = true;
    int index = 0;
    for (const BoardDiff& diff : inputs_.diffs) {
      if (diff.wave != w->wave) continue;
      AppliedDiff applied;
      applied.board = diff.board;
      applied.host = diff.host;
      applied.source = diff.file;
      // Numbered: diffs of different folders may share a file name.
      std::string name = std::to_string(++index) + "-" + fs::path(diff.file).filename().string();
      applied.copy = folder + "/" + name;
      applied.log = folder + "/" + name + ".patch.log";
      fs::copy_file(diff.path, fs::path(out_) / applied.copy, fs::copy_options::overwrite_existing, ec);
      if (ec) return Discard(w, applied.copy + ": " + ec.message());
      PatchOutcome outcome = ApplyDiff(staging_, diff.path, (fs::path(out_) / applied.log).string());
      applied.applied = outcome.applied;
      applied.reason = outcome.reason;
      w->diffs.push_back(applied);
      if (!outcome.applied) {
        BoardResult board;
        board.board = diff.board.empty() ? "board-config" : diff.board;
        board.checks.push_back({"board-config diff " + diff.file + " applies", false, outcome.reason});
        w->boards.push_back(board);
        Fail(w, board.board, board.checks.back().name, outcome.reason);
        diffs_apply = false;
        break;  // later diffs of the wave may build on this one
      }
    }
    if (diffs_apply) {
      for (const BoardInputs& board : inputs_.boards) {
        w->boards.push_back(RunBoard(board, w->wave, folder));
        if (!result_.output_error.empty()) return Discard(w, "");
      }
      w->green = true;
      for (const BoardResult& board : w->boards) {
        const CheckResult* failed = board.first_failure();
        if (failed) {
          Fail(w, board.board, failed->name, failed->reason);
          break;
        }
      }
    }
    if (w->green) {
      if (!PromoteTree(staging_, tree_, &why)) Fail(w, "tree", "promote", why);
    } else {
      Remove(staging_, &why);
    }
  }

  // Stops the wave on an output that could not be written, leaving the green tree as it is.
  void Discard(WaveResult* w, const std::string& what) {
    if (!what.empty()) OutputFailed(w, what);
    if (w->failure.empty()) Fail(w, "output", "write", result_.output_error);
    std::string ignored;
    Remove(staging_, &ignored);
  }

  BoardResult RunBoard(const BoardInputs& board, int wave, const std::string& folder) {
    BoardResult result;
    result.board = board.config.id;
    std::string why;
    std::optional<std::vector<std::string>> labels =
        ReadBoardLabels(staging_, board.gni, board.lists, &why);
    if (!labels) {
      result.checks.push_back({"board file " + board.gni + " readable", false, why});
      return result;
    }
    ComposedBoard composed =
        ComposeBoard(board, inputs_.inventory, state_, wave, *labels, inputs_.options.drivers);
    result.variants = composed.variants;
    result.checks.push_back(Check("board file labels known", composed.unknown_labels,
                                  "not in the inventory: ", std::to_string(labels->size()) + " labels"));
    result.checks.push_back(Check("board file matches plan state", composed.mismatches, "",
                                  "every label ships the variant the plan calls for"));
    std::vector<std::string> missing;
    for (const std::string& variant : composed.variants) {
      // The build copies a manifest before it links the driver; both must be there.
      fs::path manifest = VariantManifest(inputs_.options.drivers, variant);
      fs::path binary = manifest.parent_path() / "driver" / (variant + ".so");
      if (!fs::is_regular_file(manifest)) {
        missing.push_back("variant " + variant + " not built (no " + manifest.string() + ")");
      } else if (!fs::is_regular_file(binary)) {
        missing.push_back("variant " + variant + " not built (no " + binary.string() + ")");
      }
    }
    result.checks.push_back(Check("variants built", missing, "", std::to_string(composed.variants.size()) + " variants"));
    result.board_json = folder + "/" + board.config.id + "-board.json";
    if (!support::WriteFileAtomically((fs::path(out_) / result.board_json).string(),
                                      composed.board.dump(2) + "\n")) {
      result.checks.push_back({"board file written", false, "cannot write " + result.board_json});
      OutputFailed(nullptr, result.board_json);
      return result;
    }
    if (result.first_failure()) return result;

    result.events = folder + "/" + board.config.id + ".events";
    result.boot_log = folder + "/" + board.config.id + ".boot.log";
    const std::string events = fs::absolute(fs::path(out_) / result.events).string();
    std::error_code ec;
    fs::remove(events, ec);  // a missing file is no error
    if (ec) {
      result.checks.push_back({"event log cleared", false, events + ": " + ec.message()});
      OutputFailed(nullptr, events + ": " + ec.message());
      return result;
    }
    ProcessRun run;
    run.argv = {inputs_.options.boot, fs::absolute(fs::path(out_) / result.board_json).string(), "--once"};
    run.extra_env = {"FDFKIT_DRIVER_EVENT_LOG=" + events};
    run.output = (fs::path(out_) / result.boot_log).string();
    run.timeout_seconds = board.config.timeout_seconds;
    ProcessResult boot = RunProcess(run);
    std::string said;
    if (!boot.succeeded()) {
      // What fdfkit-boot said first is usually why (a manifest it refused, a driver that failed).
      std::istringstream log(support::ReadFile(run.output).value_or(""));
      std::getline(log, said);
    }
    result.checks.push_back({"boot", boot.succeeded(),
                             boot.Describe(run.timeout_seconds) + (said.empty() ? "" : ": " + said)});

    std::vector<std::string> lines;
    std::istringstream in(support::ReadFile(events).value_or(""));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (const EventCheck& check : board.config.checks) {
      std::regex pattern(check.event);  // validated when the config was read
      const std::string* match = nullptr;
      for (const std::string& line : lines) {
        if (std::regex_search(line, pattern)) {
          match = &line;
          break;
        }
      }
      result.checks.push_back(
          {check.name, match != nullptr,
           match ? "matched: " + *match
                 : "no line of " + result.events + " matches /" + check.event + "/ (" +
                       std::to_string(lines.size()) + " lines)"});
    }
    return result;
  }

  static CheckResult Check(const std::string& name, const std::vector<std::string>& problems,
                           const std::string& prefix, const std::string& ok) {
    if (problems.empty()) return {name, true, ok};
    std::string reason = prefix;
    for (size_t i = 0; i < problems.size(); ++i) reason += (i ? "; " : "") + problems[i];
    return {name, false, reason};
  }

  void Fail(WaveResult* w, const std::string& board, const std::string& check,
            const std::string& reason) {
    w->green = false;
    if (w->failure.empty()) w->failure = board + ": " + check + ": " + reason;
  }

  const WaveInputs& inputs_;
  MigrationState state_;
  std::string out_, tree_, staging_;
  RunResult result_;
};

}  // namespace

bool BoardResult::passed() const { return first_failure() == nullptr; }

const CheckResult* BoardResult::first_failure() const {
  for (const CheckResult& check : checks) {
    if (!check.passed) return &check;
  }
  return nullptr;
}

RunResult RunWaveSequence(const WaveInputs& inputs) { return WaveSequence(inputs).Run(); }

int RunWaves(const RunOptions& options, std::ostream& out, std::ostream& err) {
  InputsLoad load = LoadInputs(options);
  if (!load.inputs) {
    for (const std::string& e : load.errors) err << e << "\n";
    err << "migrate-waves: " << load.errors.size() << " input error"
        << (load.errors.size() == 1 ? "" : "s") << "; nothing run, nothing written\n";
    return kExitBadInput;
  }
  const WaveInputs& inputs = *load.inputs;
  auto cannot_write = [&](const std::string& what, const std::error_code& ec) {
    err << At("", "", diag::kCannotWriteFile, what + (ec ? ": " + ec.message() : "")).Text() << "\n";
    return kExitCannotWrite;
  };
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (ec) return cannot_write(options.out, ec);
  // A previous run's waves would mix into this one's report.
  for (fs::directory_iterator it(options.out, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind("wave-", 0) != 0) continue;
    std::error_code removed;
    fs::remove_all(it->path(), removed);
    if (removed) return cannot_write(it->path().string(), removed);
  }
  if (ec) return cannot_write(options.out, ec);
  RunResult result = RunWaveSequence(inputs);
  for (const WaveResult& w : result.waves) {
    if (!w.ran) continue;
    out << "wave " << w.wave << ": " << (w.green ? "green" : "FAILED");
    for (const BoardResult& b : w.boards) {
      out << "  " << b.board << " " << (b.passed() ? "ok" : "failed");
    }
    out << "\n";
  }
  const std::string json_path = (fs::path(options.out) / "waves.json").string();
  const std::string html_path = (fs::path(options.out) / "report.html").string();
  int code = kExitGreen;
  if (!support::WriteFileAtomically(json_path, WavesJson(inputs, result))) {
    code = cannot_write(json_path, {});
  }
  if (!support::WriteFileAtomically(html_path, RenderWavesReport(inputs, result))) {
    code = cannot_write(html_path, {});
  }
  out << "migrate-waves: results in " << json_path << ", report file://"
      << fs::absolute(html_path).lexically_normal().string() << "\n";
  if (!result.output_error.empty()) {
    err << result.output_error << "\n";
    return kExitCannotWrite;
  }
  if (code != kExitGreen) return code;
  if (result.start_failed) {
    err << "migrate-waves: the start failed, no wave ran: " << result.failure << "\n";
    return kExitWaveFailed;
  }
  if (result.failed_wave > 0) {
    err << "migrate-waves: wave " << result.failed_wave << " failed: " << result.failure << "\n";
    return kExitWaveFailed;
  }
  return kExitGreen;
}

}  // namespace fdfkit::waves
