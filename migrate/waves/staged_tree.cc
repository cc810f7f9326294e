#include "migrate/waves/staged_tree.h"

#include <fcntl.h>
#include <stdio.h>

#include <cstring>
#include <filesystem>
#include <sstream>

#include "migrate/waves/subprocess.h"
#include "support/read_file.h"

namespace fdfkit::waves {

namespace fs = std::filesystem;

bool CopyTree(const std::string& from, const std::string& to, std::string* why) {
  std::error_code ec;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  if (ec) *why = "cannot copy " + from + " to " + to + ": " + ec.message();
  return !ec;
}

namespace {

// The first few lines of what patch said: enough to name the hunk that failed.
std::string Summarize(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  for (int n = 0; n < 4 && std::getline(in, line); ++n) {
    if (line.empty()) continue;
    out += (out.empty() ? "" : "; ") + line;
  }
  return out.empty() ? "patch failed" : out;
}

PatchOutcome RunPatch(const std::string& tree, const std::string& diff, const std::string& log,
                      bool dry_run) {
  ProcessRun run;
  run.argv = {"patch", "-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-r", "-",
              "-d", tree, "-i", fs::absolute(diff).string()};
  if (dry_run) run.argv.push_back("--dry-run");
  run.output = log;
  run.search_path = true;
  ProcessResult result = RunProcess(run);
  PatchOutcome outcome;
  outcome.applied = result.succeeded();
  if (!outcome.applied) {
    outcome.reason = result.started ? Summarize(support::ReadFile(log).value_or(""))
                                    : result.Describe(run.timeout_seconds);
  }
  return outcome;
}

}  // namespace

PatchOutcome ApplyDiff(const std::string& tree, const std::string& diff, const std::string& log) {
  PatchOutcome dry = RunPatch(tree, diff, log, /*dry_run=*/true);
  if (!dry.applied) return dry;
  return RunPatch(tree, diff, log, /*dry_run=*/false);
}

bool PromoteTree(const std::string& staging, const std::string& tree, std::string* why) {
  std::error_code ec;
  if (!fs::exists(tree, ec)) {
    if (rename(staging.c_str(), tree.c_str()) != 0) {
      *why = "cannot rename " + staging + " to " + tree + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }
  if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, tree.c_str(), RENAME_EXCHANGE) != 0) {
    *why = "cannot exchange " + staging + " and " + tree + ": " + std::strerror(errno);
    return false;
  }
  fs::remove_all(staging, ec);  // now the previous tree
  return true;
}

}  // namespace fdfkit::waves
