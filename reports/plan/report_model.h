// What a migration report shows, computed once from an inventory and a plan: per board and host
// the drivers, their protocol edges coloured by where each edge stands, the switch wave, progress
// and what blocks the switch; per wave the actions; per team the ports.
#ifndef FDFKIT_REPORTS_PLAN_REPORT_MODEL_H_
#define FDFKIT_REPORTS_PLAN_REPORT_MODEL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/certificate.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::report {

// Where an edge stands today: banjo (an end speaks only banjo), dual (an end serves both), or on
// its new transport (both ends ported): driver or channel.
enum class EdgeState { kBanjo, kDual, kDriver, kChannel };
const char* EdgeStateName(EdgeState state);

struct DriverView {
  std::string id, team, status;  // status: banjo | dual | ported
  int port_wave = 0;             // 0: no port needed
  int delete_wave = 0;           // wave its banjo variant goes; 0: none
  bool dual_binary = false;
};

struct EdgeView {
  int from = -1, to = -1;  // indices into HostView::drivers
  std::string protocol;
  EdgeState state = EdgeState::kBanjo;
};

// A FIDL service edge touching a host: nothing to migrate, shown for the picture. Across hosts it
// is legal (a Zircon channel crosses hosts; a banjo edge cannot).
struct ServiceEdgeView {
  std::string from, to, service, transport;  // driver ids; transport: channel | driver | unknown
  int from_local = -1, to_local = -1;        // indices into HostView::drivers; -1: another host
  std::string other_host;                    // the other end's host; empty when both are here
};

struct HostView {
  std::string id, board;
  std::vector<DriverView> drivers;
  std::vector<EdgeView> edges;
  std::vector<ServiceEdgeView> service_edges;
  int switch_wave = 0;  // 0: nothing to switch (every driver ported)
  int done = 0;         // drivers no longer needing a port (dual or ported)
  std::vector<std::string> blockers;  // what must happen before the switch, in wave order
};

struct BoardView {
  std::string id;
  std::vector<HostView> hosts;
  int switched = 0;  // hosts with nothing left to switch
};

// Action kinds in the order work is done within a wave (the plan's own order).
inline constexpr const char* kActionKinds[] = {"clone", "port", "switch", "delete_variant", "delete_protocol"};

struct WaveView {
  int wave = 0;
  std::map<std::string, std::vector<std::string>> actions;  // kind → subjects, plan order
  std::map<std::string, int> ports_by_team;
};

struct TeamView {
  std::string team;
  int drivers = 0, effort = 0, ported = 0;
  std::map<int, int> ports_by_wave;
};

struct ReportModel {
  plan::Metrics metrics;
  std::optional<plan::Metrics> lower_bound;
  // How good the plan is and how that was proven (plan.json's certificate; absent in hand-written
  // plans). Its bounds, when present, are the ones shown.
  std::optional<plan::Certificate> certificate;
  std::vector<BoardView> boards;
  std::vector<WaveView> waves;
  std::vector<TeamView> teams;
  int drivers = 0, drivers_done = 0, drivers_ported = 0;
  int protocols = 0, protocols_cloned = 0, protocols_deleted = 0;
  int hosts = 0, hosts_switched = 0;
};

// One row of the metric table: the plan's value, its proven lower bound and the gap between them.
struct MetricRow {
  std::string name;   // as a person reads it: "dual-support lifetime (driver-waves)"
  int value = 0;
  std::string bound;  // "—" when the plan states none
  std::string gap;    // "0 %", "12.5 %", "fixed" (switches), "—"
};
std::vector<MetricRow> MetricRows(const ReportModel& model);

// The certificate in sentences: its status first, then how the plan was found and proven
// ("Certificate: optimal — cbc proved the heuristic plan optimal. ...").
std::string CertificateSummary(const plan::Certificate& certificate);

ReportModel BuildReportModel(const plan::Inventory& inventory, const plan::Requirements& required,
                             const plan::Schedule& schedule, const plan::Metrics& metrics,
                             std::optional<plan::Metrics> lower_bound,
                             std::optional<plan::Certificate> certificate = std::nullopt);

}  // namespace fdfkit::report

#endif  // FDFKIT_REPORTS_PLAN_REPORT_MODEL_H_
