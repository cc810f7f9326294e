#include "migrate/waves/results_json.h"

#include <nlohmann/json.hpp>

namespace fdfkit::waves {
namespace {

using Json = nlohmann::ordered_json;

Json Hosts(const std::vector<HostStatus>& hosts) {
  Json out = Json::array();
  for (const HostStatus& h : hosts) out.push_back({{"board", h.board}, {"host", h.host}, {"state", h.state}});
  return out;
}

}  // namespace

std::string WavesJson(const WaveInputs& inputs, const RunResult& result) {
  Json root;
  root["schema"] = kResultsSchema;
  root["plan"] = inputs.options.plan;
  root["through_wave"] = inputs.options.through_wave;
  root["green"] = result.green();
  root["start_failed"] = result.start_failed;
  root["failed_wave"] = result.failed_wave;
  root["failure"] = result.failure;
  root["last_green_wave"] = result.last_green;
  root["start"] = Hosts(result.start);
  Json waves = Json::array();
  for (const WaveResult& w : result.waves) {
    Json wave;
    wave["wave"] = w.wave;
    wave["status"] = !w.ran ? "not run" : w.green ? "green" : "failed";
    if (!w.failure.empty()) wave["failure"] = w.failure;
    wave["actions"] = w.actions;
    Json diffs = Json::array();
    for (const AppliedDiff& d : w.diffs) {
      diffs.push_back({{"board", d.board}, {"host", d.host}, {"diff", d.source}, {"copy", d.copy},
                       {"log", d.log}, {"applied", d.applied}, {"reason", d.reason}});
    }
    wave["diffs"] = diffs;
    Json sources = Json::array();
    for (const SourceDiff& s : w.source_diffs) {
      sources.push_back({{"driver", s.driver}, {"mode", s.mode}, {"diff", s.file}});
    }
    wave["source_diffs"] = sources;
    wave["hosts"] = Hosts(w.hosts);
    Json drivers = Json::object();
    for (const auto& [driver, kind] : w.drivers) drivers[driver] = kind;
    wave["drivers"] = drivers;
    Json boards = Json::array();
    for (const BoardResult& b : w.boards) {
      Json board{{"board", b.board}, {"passed", b.passed()}, {"variants", b.variants},
                 {"board_json", b.board_json}, {"events", b.events}, {"boot_log", b.boot_log}};
      Json checks = Json::array();
      for (const CheckResult& c : b.checks) {
        checks.push_back({{"name", c.name}, {"passed", c.passed}, {"reason", c.reason}});
      }
      board["checks"] = checks;
      boards.push_back(board);
    }
    wave["boards"] = boards;
    waves.push_back(wave);
  }
  root["waves"] = waves;
  return root.dump(2) + "\n";
}

}  // namespace fdfkit::waves
