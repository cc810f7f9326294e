#include "migrate/driver/run_report.h"

#include <nlohmann/json.hpp>

#include <set>

namespace fdfkit::driver_migration {
namespace {

const char* ModeName(Mode mode) { return mode == Mode::kDual ? "dual" : "replace"; }

// Every file the run concerned: those asked for, then any other that got edits or findings.
std::vector<std::string> FilesOf(const RunReport& report) {
  std::vector<std::string> files = report.files;
  std::set<std::string> seen(files.begin(), files.end());
  for (const auto& [file, count] : report.edits_by_file) {
    if (seen.insert(file).second) files.push_back(file);
  }
  for (const support::LocatedDiagnostic& d : report.diagnostics) {
    if (!d.file.empty() && seen.insert(d.file).second) files.push_back(d.file);
  }
  return files;
}

size_t EditsOf(const RunReport& report, const std::string& file) {
  auto it = report.edits_by_file.find(file);
  return it == report.edits_by_file.end() ? 0 : it->second;
}

bool EndsWith(const std::string& path, const std::string& suffix) {
  return path.size() > suffix.size() &&
         path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool IsReportPath(const std::string& path) {
  return EndsWith(path, ".json") || EndsWith(path, ".md");
}

std::string ReportText(const RunReport& report, const std::string& path) {
  return EndsWith(path, ".json") ? report.Json() : report.Markdown();
}

std::string RunReport::Json() const {
  nlohmann::ordered_json report;
  report["schema"] = "fdfkit-migrate-driver-report/1";
  report["mode"] = ModeName(mode);
  report["written"] = written;
  report["exit_status"] = exit_status;
  report["files"] = nlohmann::ordered_json::array();
  for (const std::string& file : FilesOf(*this)) {
    nlohmann::ordered_json entry;
    entry["file"] = file;
    entry["edits"] = EditsOf(*this, file);
    entry["left_for_human"] = nlohmann::ordered_json::array();
    for (const support::LocatedDiagnostic& d : diagnostics) {
      if (d.file != file || d.is_error()) continue;
      entry["left_for_human"].push_back(
          {{"line", d.line}, {"column", d.column}, {"code", d.info->Code()}, {"why", d.message}});
    }
    report["files"].push_back(std::move(entry));
  }
  report["errors"] = nlohmann::ordered_json::array();
  for (const support::LocatedDiagnostic& d : diagnostics) {
    if (d.is_error()) report["errors"].push_back(d.Summary());
  }
  return report.dump(2) + "\n";
}

std::string RunReport::Markdown() const {
  std::string md = "# migrate-driver report\n\nMode `" + std::string(ModeName(mode)) +
                   "`; edits " + (written ? "written" : "not written") + "; exit status " +
                   std::to_string(exit_status) + ".\n\n| file | edits | left for a human |\n"
                   "|---|---:|---:|\n";
  std::string left;
  for (const std::string& file : FilesOf(*this)) {
    size_t count = 0;
    for (const support::LocatedDiagnostic& d : diagnostics) {
      if (d.file != file || d.is_error()) continue;
      ++count;
      left += "- `" + file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) +
              "` [" + d.info->Code() + "] " + d.message + "\n";
    }
    md += "| `" + file + "` | " + std::to_string(EditsOf(*this, file)) + " | " +
          std::to_string(count) + " |\n";
  }
  if (!left.empty()) md += "\n## Left for a human\n\n" + left;
  std::string errors;
  for (const support::LocatedDiagnostic& d : diagnostics) {
    if (d.is_error()) errors += "- " + d.Summary() + "\n";
  }
  if (!errors.empty()) md += "\n## Errors (nothing was written)\n\n" + errors;
  return md;
}

}  // namespace fdfkit::driver_migration
