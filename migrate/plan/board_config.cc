#include "migrate/plan/board_config.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <cctype>
#include <set>
#include <sstream>

#include "support/read_file.h"
#include "support/unified_diff.h"

namespace fdfkit::plan {
namespace {

using Json = nlohmann::json;

// One label entry of a board file, shared by every board that reads that line.
struct Entry {
  std::string file, label, ported_label;
  int line = 0;
  std::string written;  // the string as the file writes it, when computed ("//src/devices/$d")
  bool operator<(const Entry& o) const { return std::tie(file, line, label) < std::tie(o.file, o.line, o.label); }
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// `key = "label"`: the label is a scope's member, not a list item.
bool IsMember(const std::string& line, const std::string& quoted) {
  std::string before = line.substr(0, line.find(quoted));
  while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.pop_back();
  return !before.empty() && before.back() == '=';
}

// The lines of the scope literal holding line `at`, as `gn format` writes a list of scopes: `{` and
// `}` (or `},`) on lines of their own, or all on one line. {-1, -1} if there is none.
std::pair<int, int> EntryLines(const std::vector<std::string>& lines, int at) {
  const std::string& here = lines[static_cast<size_t>(at)];
  if (here.find('{') != std::string::npos && here.find('}') != std::string::npos) return {at, at};
  int first = at, close = at;
  while (first >= 0 && lines[static_cast<size_t>(first)].find('{') == std::string::npos) --first;
  while (close < static_cast<int>(lines.size()) && lines[static_cast<size_t>(close)].find('}') == std::string::npos) ++close;
  if (first < 0 || close >= static_cast<int>(lines.size())) return {-1, -1};
  return {first, close};
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

class BoardConfigPlanner {
 public:
  BoardConfigPlanner(const Json& json, const Inventory& inventory, const Requirements& required,
                     const Schedule& schedule, std::string root)
      : json_(json), inventory_(inventory), required_(required), schedule_(schedule), root_(std::move(root)) {}

  BoardConfig Run() {
    ReadEntries();
    std::vector<size_t> order(required_.switches.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return schedule_.switches[a] < schedule_.switches[b]; });
    std::map<int, std::vector<BoardConfigUpdate>> by_wave;
    for (size_t s : order) {
      if (schedule_.switches[s] > 0) by_wave[schedule_.switches[s]].push_back(Switch(s));
    }
    const Json& drivers = json_["drivers"];
    for (size_t d = 0; d < inventory_.drivers.size(); ++d) {
      if (!required_.delete_variant[d] || schedule_.delete_variant[d] <= 0) continue;
      BoardConfigUpdate u{schedule_.delete_variant[d], "delete_variant", inventory_.drivers[d].id, "", "", {}, {}};
      const Json& record = drivers[d];
      for (const Json& f : record.value("banjo_only_files", Json::array())) u.files.push_back(f.get<std::string>());
      if (u.files.empty()) {
        for (const Json& dep : record.value("banjo_deps", Json::array())) {
          u.notes.push_back("drop dep " + dep.value("label", "") + " (" + dep.value("file", "") + ":" +
                            std::to_string(dep.value("line", 0)) + "): no file belongs to the banjo variant alone");
        }
      }
      by_wave[u.wave].push_back(u);
    }
    const Json& protocols = json_["protocols"];
    for (size_t p = 0; p < inventory_.protocols.size(); ++p) {
      if (!required_.delete_protocol[p] || schedule_.delete_protocol[p] <= 0) continue;
      BoardConfigUpdate u{schedule_.delete_protocol[p], "delete_protocol", inventory_.protocols[p].id, "", "", {}, {}};
      for (const Json& f : protocols[p].value("files", Json::array())) u.files.push_back(f.get<std::string>());
      if (u.files.empty()) u.notes.push_back("the banjo library's files are not in the scanned tree");
      by_wave[u.wave].push_back(u);
    }
    for (auto& [wave, updates] : by_wave) {
      for (BoardConfigUpdate& u : updates) result_.updates.push_back(std::move(u));
    }
    return std::move(result_);
  }

 private:
  void ReadEntries() {
    for (size_t b = 0; b < inventory_.boards.size(); ++b) {
      const Json& board = json_["boards"][b];
      // The files only this board reads: its .gni and its board_configuration's BUILD.gn.
      std::set<std::string>& own = own_files_[static_cast<int>(b)];
      own.insert(board.value("gni", ""));
      for (const Json& file : board.value("own_files", Json::array())) {
        if (file.is_string()) own.insert(file.get<std::string>());
      }
      for (const Json& e : board.value("labels", Json::array())) {
        Entry entry{e.value("file", ""), e.value("label", ""), e.value("ported_label", ""), e.value("line", 0),
                    e.value("written", "")};
        auto d = inventory_.driver_index.find(e.value("driver", ""));
        if (d == inventory_.driver_index.end()) continue;
        entries_[{static_cast<int>(b), d->second}].push_back(entry);
        for (int s : required_.switches_of_driver[static_cast<size_t>(d->second)]) {
          if (required_.switches[static_cast<size_t>(s)].board == static_cast<int>(b)) holders_[entry].insert(s);
        }
      }
    }
  }

  std::vector<std::string>* File(const std::string& path) {
    auto it = files_.find(path);
    if (it != files_.end()) return &it->second;
    std::optional<std::string> text = fdfkit::support::ReadFile((std::filesystem::path(root_) / path).string());
    if (!text) {
      result_.errors.push_back(AtFile(path, 0, 0, diag::kBoardFileUnreadable, root_));
      return nullptr;
    }
    return &(files_[path] = Lines(*text));
  }

  // The line of `lines` that lists `label`, nearest to where the scan saw it.
  int FindLine(const std::vector<std::string>& lines, const std::string& label, int near) {
    int best = -1;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].find("\"" + label + "\"") == std::string::npos) continue;
      if (best < 0 || std::abs(static_cast<int>(i) + 1 - near) < std::abs(best + 1 - near)) best = static_cast<int>(i);
    }
    return best;
  }

  BoardConfigUpdate Switch(size_t s) {
    const HostSwitch& sw = required_.switches[s];
    const Board& board = inventory_.boards[static_cast<size_t>(sw.board)];
    BoardConfigUpdate u{schedule_.switches[s], "switch", board.hosts[static_cast<size_t>(sw.host)].id, board.id, "", {}, {}};
    switched_.insert(static_cast<int>(s));
    std::map<std::string, std::string> before;
    for (int d : board.hosts[static_cast<size_t>(sw.host)].drivers) {
      const Driver& driver = inventory_.drivers[static_cast<size_t>(d)];
      if (driver.status == DriverStatus::kPorted) continue;
      if (driver.dual_binary) {
        u.notes.push_back(driver.id + " is a dual binary: its label stays");
        continue;
      }
      auto entries = entries_.find({sw.board, d});
      if (entries == entries_.end()) {
        u.notes.push_back(driver.id + ": no board label of " + board.id + " lists it");
        continue;
      }
      for (const Entry& e : entries->second) {
        if (replaced_.count(e)) continue;  // one label reaching several drivers of the host
        std::vector<std::string>* lines = File(e.file);
        if (lines == nullptr) continue;
        if (!before.count(e.file)) before[e.file] = Join(*lines);
        const std::set<int>& holders = holders_[e];
        bool last = std::includes(switched_.begin(), switched_.end(), holders.begin(), holders.end());
        bool shared = !own_files_[sw.board].count(e.file);
        if (!last && shared) {
          u.notes.push_back(driver.id + ": " + e.file + " is shared with other boards; " + e.label +
                            " is replaced when the last host holding it switches");
          continue;
        }
        if (!last && added_.count(e)) continue;
        int at = FindLine(*lines, e.label, e.line);
        if (at < 0 && !e.written.empty()) {  // no text to edit: the file computes the label
          std::string where = e.label + " is computed from " + e.written + " (" + e.file + ":" + std::to_string(e.line) + ")";
          if (last) {
            u.notes.push_back(driver.id + ": " + where + "; replace it by " + e.ported_label + " there by hand");
            replaced_.insert(e);
          } else if (added_.insert(e).second) {
            u.notes.push_back(driver.id + ": " + where + "; add " + e.ported_label + " beside it by hand (another host on " +
                              board.id + " still uses the banjo variant)");
          }
          continue;
        }
        if (at < 0) {
          result_.errors.push_back(AtFile(e.file, e.line, 0, diag::kBoardLabelGone, e.label));
          continue;
        }
        std::string& line = (*lines)[static_cast<size_t>(at)];
        std::string quoted = "\"" + e.label + "\"", fresh = "\"" + e.ported_label + "\"";
        bool alone = Trim(line) == quoted + "," || Trim(line) == quoted;
        // `package_target = "//x"` in a bundle's `drivers = [ { ... }, ]`: a second driver is a
        // second entry, not a second string on the line.
        auto [first, close] = IsMember(line, quoted) ? EntryLines(*lines, at) : std::pair<int, int>{-1, -1};
        if (!last) {  // both variants ship until the last host on this board switches
          if (first >= 0) {
            std::vector<std::string> copy(lines->begin() + first, lines->begin() + close + 1);
            if (copy.back().back() != ',') (*lines)[static_cast<size_t>(close)] += ",";
            if (copy.back().back() != ',') copy.back() += ",";
            for (std::string& l : copy) {
              if (size_t pos = l.find(quoted); pos != std::string::npos) l.replace(pos, quoted.size(), fresh);
            }
            lines->insert(lines->begin() + close + 1, copy.begin(), copy.end());
          } else if (alone) {
            lines->insert(lines->begin() + at + 1, line.substr(0, line.find('"')) + fresh + ",");
          } else {
            line.replace(line.find(quoted), quoted.size(), quoted + ", " + fresh);
          }
          added_.insert(e);
          u.notes.push_back(driver.id + ": " + e.ported_label + " added beside " + e.label +
                            " (another host on " + board.id + " still uses the banjo variant)");
        } else if (added_.count(e)) {
          if (first >= 0) {
            lines->erase(lines->begin() + first, lines->begin() + close + 1);
          } else if (alone) {
            lines->erase(lines->begin() + at);
          } else {
            size_t pos = line.find(quoted + ", ");
            line.erase(pos, pos == std::string::npos ? 0 : quoted.size() + 2);
          }
        } else {
          line.replace(line.find(quoted), quoted.size(), fresh);
        }
        if (last) replaced_.insert(e);
      }
    }
    for (const auto& [file, old_text] : before) {
      u.diff += fdfkit::support::UnifiedDiff(old_text, Join(files_[file]), "a/" + file, "b/" + file);
    }
    return u;
  }

  const Json& json_;
  const Inventory& inventory_;
  const Requirements& required_;
  const Schedule& schedule_;
  std::string root_;
  BoardConfig result_;
  std::map<int, std::set<std::string>> own_files_;
  std::map<std::pair<int, int>, std::vector<Entry>> entries_;  // (board, driver) → entries
  std::map<Entry, std::set<int>> holders_;                     // entry → switches that need it
  std::set<int> switched_;
  std::set<Entry> added_;
  std::set<Entry> replaced_;  // entries whose last holder switched: the new label is in
  std::map<std::string, std::vector<std::string>> files_;  // current text of each board file
};

}  // namespace

bool HasScanSection(const nlohmann::json& inventory_json) {
  return inventory_json.is_object() && inventory_json.contains("scan") && inventory_json["scan"].is_object();
}

BoardConfig PlanBoardConfig(const nlohmann::json& inventory_json, const Inventory& inventory,
                            const Requirements& required, const Schedule& schedule,
                            const std::string& tree_root) {
  return BoardConfigPlanner(inventory_json, inventory, required, schedule, tree_root).Run();
}

nlohmann::ordered_json BoardConfigJson(const BoardConfig& config, const std::string& tree_root,
                                       const std::vector<std::string>& diff_files) {
  nlohmann::ordered_json waves = nlohmann::ordered_json::array();
  for (size_t i = 0; i < config.updates.size(); ++i) {
    const BoardConfigUpdate& u = config.updates[i];
    if (waves.empty() || waves.back()["wave"] != u.wave) waves.push_back({{"wave", u.wave}, {"updates", nlohmann::ordered_json::array()}});
    nlohmann::ordered_json item = {{"kind", u.kind}};
    if (u.kind == "switch") {
      item["board"] = u.board;
      item["host"] = u.subject;
      item["diff"] = diff_files[i].empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(diff_files[i]);
    } else {
      item[u.kind == "delete_variant" ? "driver" : "protocol"] = u.subject;
      item["files"] = u.files;
    }
    if (!u.notes.empty()) item["notes"] = u.notes;
    waves.back()["updates"].push_back(item);
  }
  return {{"schema", "fdfkit-board-config/1"}, {"tree", tree_root}, {"waves", waves}};
}

}  // namespace fdfkit::plan
