#include "migrate/plan/certificate.h"

#include <cmath>

namespace fdfkit::plan {

const char* PlanStatusName(PlanStatus status) {
  switch (status) {
    case PlanStatus::kOptimal:
      return "optimal";
    case PlanStatus::kFeasible:
      return "feasible";
    case PlanStatus::kHeuristic:
      return "heuristic";
  }
  return "heuristic";
}

namespace {

// Seconds and gaps to a precision a person reads; keeps plan.json short.
double Rounded(double value, double scale) { return std::round(value * scale) / scale; }

}  // namespace

nlohmann::ordered_json CertificateJson(const Certificate& c) {
  using Json = nlohmann::ordered_json;
  Json out{{"status", PlanStatusName(c.status)}, {"note", c.note}, {"found_by", c.found_by}};
  out["solver"] =
      c.solver.empty() ? Json(nullptr) : Json{{"name", c.solver}, {"version", c.solver_version}};
  out["seconds"] = Rounded(c.seconds, 1000);
  out["time_limit"] = c.time_limit;
  out["objectives"] = Json::array();
  for (const ObjectiveBound& o : c.objectives) {
    Json entry{{"objective", o.objective},
               {"value", o.value},
               {"bound", o.bound},
               {"gap", Rounded(o.Gap(), 10000)},
               {"status", o.value == o.bound ? "optimal" : "feasible"},
               {"proof", o.proof}};
    if (!o.given.empty()) {
      entry["given"] = Json::object();
      for (const auto& [name, value] : o.given) entry["given"][name] = value;
    }
    if (!o.attempts.empty()) {
      entry["solver_attempts"] = Json::array();
      for (const SolverAttempt& a : o.attempts) {
        entry["solver_attempts"].push_back(
            {{"waves", a.waves}, {"result", a.result}, {"seconds", Rounded(a.seconds, 1000)}});
      }
    }
    out["objectives"].push_back(std::move(entry));
  }
  return out;
}

std::optional<Certificate> ReadCertificate(const nlohmann::json& plan) {
  if (!plan.is_object() || !plan.contains("certificate") || !plan["certificate"].is_object()) {
    return std::nullopt;
  }
  const nlohmann::json& j = plan["certificate"];
  Certificate c;
  try {
    std::string status = j.value("status", "");
    if (status == "optimal") {
      c.status = PlanStatus::kOptimal;
    } else if (status == "feasible") {
      c.status = PlanStatus::kFeasible;
    } else if (status == "heuristic") {
      c.status = PlanStatus::kHeuristic;
    } else {
      return std::nullopt;
    }
    c.note = j.value("note", "");
    c.found_by = j.value("found_by", "heuristic");
    if (j.contains("solver") && j["solver"].is_object()) {
      c.solver = j["solver"].value("name", "");
      c.solver_version = j["solver"].value("version", "");
    }
    c.seconds = j.value("seconds", 0.0);
    c.time_limit = j.value("time_limit", 0.0);
    for (const nlohmann::json& o : j.value("objectives", nlohmann::json::array())) {
      ObjectiveBound b;
      b.objective = o.at("objective").get<std::string>();
      b.value = o.at("value").get<int>();
      b.bound = o.at("bound").get<int>();
      b.proof = o.value("proof", "");
      if (o.contains("given")) {  // in lexicographic order, whatever the file's
        for (const char* name : {"waves", "duplication"}) {
          if (o["given"].contains(name)) b.given.push_back({name, o["given"][name].get<int>()});
        }
      }
      for (const nlohmann::json& a : o.value("solver_attempts", nlohmann::json::array())) {
        b.attempts.push_back(
            {a.at("waves").get<int>(), a.at("result").get<std::string>(), a.value("seconds", 0.0)});
      }
      c.objectives.push_back(std::move(b));
    }
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  return c;
}

}  // namespace fdfkit::plan
