#include "reports/plan/report_model.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace fdfkit::report {

using plan::DriverStatus;
using plan::Inventory;
using plan::ProtocolStatus;

const char* EdgeStateName(EdgeState state) {
  switch (state) {
    case EdgeState::kBanjo: return "banjo";
    case EdgeState::kDual: return "dual";
    case EdgeState::kDriver: return "driver";
    case EdgeState::kChannel: return "channel";
  }
  return "banjo";
}

namespace {

EdgeState StateOf(const Inventory& inv, int from, int to, int protocol) {
  DriverStatus a = inv.drivers[static_cast<size_t>(from)].status, b = inv.drivers[static_cast<size_t>(to)].status;
  if (a == DriverStatus::kBanjo || b == DriverStatus::kBanjo) return EdgeState::kBanjo;
  if (a == DriverStatus::kDual || b == DriverStatus::kDual) return EdgeState::kDual;
  return inv.protocols[static_cast<size_t>(protocol)].transport == "channel" ? EdgeState::kChannel : EdgeState::kDriver;
}

std::string Wave(int wave) { return "wave " + std::to_string(wave); }

std::string Percent(int value, int bound) {
  if (value == bound || value == 0) return "0 %";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", 100.0 * (value - bound) / value);
  return text;
}

std::string Number(double value, const char* format) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

std::vector<MetricRow> MetricRows(const ReportModel& m) {
  std::vector<MetricRow> rows = {{"waves", m.metrics.waves, "—", "—"},
                                 {"duplication (board, driver, wave)", m.metrics.duplication, "—", "—"},
                                 {"dual-support lifetime (driver-waves)", m.metrics.dual_lifetime, "—", "—"}};
  std::optional<plan::Metrics> bound = m.lower_bound;
  if (m.certificate) {  // the certificate's bounds are the proven ones
    plan::Metrics b = bound.value_or(plan::Metrics{});
    for (const plan::ObjectiveBound& o : m.certificate->objectives) {
      if (o.objective == "waves") b.waves = o.bound;
      if (o.objective == "duplication") b.duplication = o.bound;
      if (o.objective == "dual_lifetime") b.dual_lifetime = o.bound;
    }
    bound = b;
  }
  if (bound) {
    int bounds[] = {bound->waves, bound->duplication, bound->dual_lifetime};
    for (size_t i = 0; i < 3; ++i) {
      rows[i].bound = std::to_string(bounds[i]);
      rows[i].gap = Percent(rows[i].value, bounds[i]);
    }
  }
  rows.push_back({"host switches", m.metrics.switches, std::to_string(m.metrics.switches), "fixed"});
  return rows;
}

std::string CertificateSummary(const plan::Certificate& c) {
  std::string text = std::string("Certificate: ") + plan::PlanStatusName(c.status) + " — " + c.note + ".";
  if (!c.solver.empty()) {
    text += " The plan is the " + c.found_by + "'s; " + c.solver + " " + c.solver_version + " ran " +
            Number(c.seconds, "%.2f") + " s of a " + Number(c.time_limit, "%g") + " s limit.";
  }
  for (const plan::ObjectiveBound& o : c.objectives) {
    if (o.objective == "waves") {
      for (const plan::SolverAttempt& a : o.attempts) {
        text += " " + std::to_string(a.waves) + " waves: " + a.result + " (" + Number(a.seconds, "%.2f") + " s).";
      }
    }
    if (o.objective == "dual_lifetime" && o.value != o.bound) {
      text += " The lifetime bound holds for plans of " + std::to_string(o.given.empty() ? 0 : o.given[0].second) +
              " waves without duplication (proof: " + o.proof + ").";
    }
  }
  return text;
}

ReportModel BuildReportModel(const Inventory& inv, const plan::Requirements& required,
                             const plan::Schedule& schedule, const plan::Metrics& metrics,
                             std::optional<plan::Metrics> lower_bound,
                             std::optional<plan::Certificate> certificate) {
  ReportModel m;
  m.metrics = metrics;
  m.lower_bound = lower_bound;
  m.certificate = std::move(certificate);
  auto driver_view = [&](int d) {
    const plan::Driver& driver = inv.drivers[static_cast<size_t>(d)];
    DriverView v{driver.id, driver.team, plan::DriverStatusName(driver.status), 0, 0, driver.dual_binary};
    if (required.port[static_cast<size_t>(d)]) v.port_wave = schedule.port[static_cast<size_t>(d)];
    if (required.delete_variant[static_cast<size_t>(d)]) v.delete_wave = schedule.delete_variant[static_cast<size_t>(d)];
    return v;
  };
  for (size_t b = 0; b < inv.boards.size(); ++b) {
    const plan::Board& board = inv.boards[b];
    BoardView bv{board.id, {}, 0};
    for (size_t h = 0; h < board.hosts.size(); ++h) {
      const plan::Host& host = board.hosts[h];
      HostView hv;
      hv.id = host.id;
      hv.board = board.id;
      for (int d : host.drivers) {
        hv.drivers.push_back(driver_view(d));
        if (inv.drivers[static_cast<size_t>(d)].status != DriverStatus::kBanjo) ++hv.done;
      }
      auto local = [&](int d) {
        auto it = std::find(host.drivers.begin(), host.drivers.end(), d);
        return it == host.drivers.end() ? -1 : static_cast<int>(it - host.drivers.begin());
      };
      for (const plan::Edge& e : inv.edges) {
        if (e.board && *e.board != static_cast<int>(b)) continue;
        int from = local(e.from), to = local(e.to);
        if (from < 0 || to < 0) continue;
        hv.edges.push_back({from, to, inv.protocols[static_cast<size_t>(e.protocol)].id, StateOf(inv, e.from, e.to, e.protocol)});
      }
      for (const plan::ServiceEdge& e : inv.service_edges) {
        if (e.board && *e.board != static_cast<int>(b)) continue;
        int from = local(e.from), to = local(e.to);
        if (from < 0 && to < 0) continue;
        ServiceEdgeView v{inv.drivers[static_cast<size_t>(e.from)].id, inv.drivers[static_cast<size_t>(e.to)].id,
                          e.service, e.transport, from, to, ""};
        if (from < 0 || to < 0) {
          int other = from < 0 ? e.from : e.to;
          for (const plan::Host& o : board.hosts) {
            if (std::find(o.drivers.begin(), o.drivers.end(), other) != o.drivers.end()) {
              v.other_host = o.id;
              break;
            }
          }
          if (v.other_host.empty()) continue;  // the other end is not on this board
        }
        hv.service_edges.push_back(std::move(v));
      }
      int s = required.switch_of_host[b][h];
      hv.switch_wave = s < 0 ? 0 : schedule.switches[static_cast<size_t>(s)];
      if (s < 0) ++bv.switched;
      // Blockers: ports still to do, the clones those ports wait for, and hosts that must switch
      // in the same wave because they share a driver that is not a dual binary.
      std::vector<std::pair<int, std::string>> blockers;
      std::set<int> clones;
      for (int d : host.drivers) {
        const plan::Driver& driver = inv.drivers[static_cast<size_t>(d)];
        if (driver.status != DriverStatus::kBanjo) continue;
        blockers.push_back({schedule.port[static_cast<size_t>(d)], "port " + driver.id + " (" + Wave(schedule.port[static_cast<size_t>(d)]) + ", team " + driver.team + ")"});
        for (int p : driver.references) {
          if (required.clone[static_cast<size_t>(p)]) clones.insert(p);
        }
        if (driver.dual_binary) continue;
        for (size_t other = 0; other < board.hosts.size(); ++other) {
          if (other == h) continue;
          const auto& od = board.hosts[other].drivers;
          if (std::find(od.begin(), od.end(), d) != od.end()) {
            blockers.push_back({hv.switch_wave, "switches with " + board.hosts[other].id + " (shares " + driver.id + ")"});
          }
        }
      }
      for (int p : clones) {
        blockers.push_back({schedule.clone[static_cast<size_t>(p)], "clone " + inv.protocols[static_cast<size_t>(p)].id + " (" + Wave(schedule.clone[static_cast<size_t>(p)]) + ")"});
      }
      std::stable_sort(blockers.begin(), blockers.end(), [](auto& a, auto& b2) { return a.first < b2.first; });
      for (auto& [wave, text] : blockers) hv.blockers.push_back(text);
      bv.hosts.push_back(std::move(hv));
    }
    m.hosts += static_cast<int>(board.hosts.size());
    m.hosts_switched += bv.switched;
    m.boards.push_back(std::move(bv));
  }

  std::map<int, WaveView> waves;
  auto add = [&](int wave, const std::string& kind, const std::string& subject) {
    if (wave <= 0) return;
    waves[wave].wave = wave;
    waves[wave].actions[kind].push_back(subject);
  };
  for (size_t p = 0; p < inv.protocols.size(); ++p) {
    if (required.clone[p]) add(schedule.clone[p], "clone", inv.protocols[p].id);
  }
  std::map<std::string, TeamView> teams;
  for (size_t d = 0; d < inv.drivers.size(); ++d) {
    const plan::Driver& driver = inv.drivers[d];
    TeamView& t = teams[driver.team];
    t.team = driver.team;
    ++t.drivers;
    t.effort += driver.effort;
    if (driver.status != DriverStatus::kBanjo) ++t.ported;
    if (required.port[d] && schedule.port[d] > 0) {
      add(schedule.port[d], "port", driver.id);
      ++waves[schedule.port[d]].ports_by_team[driver.team];
      ++t.ports_by_wave[schedule.port[d]];
    }
  }
  for (size_t s = 0; s < required.switches.size(); ++s) {
    const plan::HostSwitch& sw = required.switches[s];
    add(schedule.switches[s], "switch", inv.boards[static_cast<size_t>(sw.board)].hosts[static_cast<size_t>(sw.host)].id);
  }
  for (size_t d = 0; d < inv.drivers.size(); ++d) {
    if (required.delete_variant[d]) add(schedule.delete_variant[d], "delete_variant", inv.drivers[d].id);
  }
  for (size_t p = 0; p < inv.protocols.size(); ++p) {
    if (required.delete_protocol[p]) add(schedule.delete_protocol[p], "delete_protocol", inv.protocols[p].id);
  }
  for (auto& [wave, view] : waves) m.waves.push_back(std::move(view));
  for (auto& [name, team] : teams) m.teams.push_back(std::move(team));

  m.drivers = static_cast<int>(inv.drivers.size());
  for (const plan::Driver& d : inv.drivers) {
    m.drivers_done += d.status != DriverStatus::kBanjo;
    m.drivers_ported += d.status == DriverStatus::kPorted;
  }
  m.protocols = static_cast<int>(inv.protocols.size());
  for (const plan::Protocol& p : inv.protocols) {
    m.protocols_cloned += p.status != ProtocolStatus::kBanjo;
    m.protocols_deleted += p.status == ProtocolStatus::kDeleted;
  }
  return m;
}

}  // namespace fdfkit::report
