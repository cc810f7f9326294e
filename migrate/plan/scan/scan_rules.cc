#include "migrate/plan/scan/scan_rules.h"

namespace fdfkit::plan::scan {

extern const char kDefaultScanRules[];

std::string ScanRules::Successor(const std::string& banjo_library) const {
  auto it = successors.find(banjo_library);
  return it == successors.end() ? banjo_library : it->second;
}

namespace {

using Json = nlohmann::json;

class RulesReader {
 public:
  RulesReader(std::string file, std::vector<JsonDiagnostic>* errors) : file_(std::move(file)), errors_(errors) {}

  template <typename... Args>
  void Report(const std::string& path, const support::DiagnosticDef<Args...>& def,
              const std::type_identity_t<Args>&... args) {
    errors_->push_back(AtPath(file_ + ": " + path, def, args...));
  }

  std::vector<std::string> Strings(const Json& object, const char* key) {
    std::vector<std::string> out;
    std::string path = std::string("$.") + key;
    if (!object.contains(key) || !object[key].is_array()) {
      Report(path, diag::kExpectedStringArray);
      return out;
    }
    for (size_t i = 0; i < object[key].size(); ++i) {
      const Json& item = object[key][i];
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      } else {
        Report(path + "[" + std::to_string(i) + "]", diag::kExpectedString);
      }
    }
    return out;
  }

  std::string String(const Json& object, const char* key) {
    if (!object.contains(key) || !object[key].is_string()) {
      Report(std::string("$.") + key, diag::kExpectedString);
      return "";
    }
    return object[key].get<std::string>();
  }

  std::map<std::string, std::string> StringMap(const Json& object, const char* key) {
    std::map<std::string, std::string> out;
    if (!object.contains(key) || !object[key].is_object()) {
      Report(std::string("$.") + key, diag::kExpectedStringObject);
      return out;
    }
    for (const auto& [name, value] : object[key].items()) {
      if (value.is_string()) {
        out[name] = value.get<std::string>();
      } else {
        Report(std::string("$.") + key + "[\"" + name + "\"]", diag::kExpectedString);
      }
    }
    return out;
  }

  ScanRules Rules(const Json& j) {
    ScanRules r;
    r.board_dirs = Strings(j, "board_dirs");
    if (j.contains("build_machinery_dirs")) r.build_machinery_dirs = Strings(j, "build_machinery_dirs");
    r.board_label_lists = Strings(j, "board_label_lists");
    // Optional (older rules files lack them): the board-configuration format.
    if (j.contains("board_configuration_types")) r.board_configuration_types = Strings(j, "board_configuration_types");
    if (j.contains("board_input_bundle_types")) r.board_input_bundle_types = Strings(j, "board_input_bundle_types");
    r.driver_target_types = Strings(j, "driver_target_types");
    r.bind_target_types = Strings(j, "bind_target_types");
    r.follow_variables = Strings(j, "follow_variables");
    if (j.contains("dep_suffixes") && j["dep_suffixes"].is_object()) {
      for (const char* kind : {"banjo", "driver", "channel"}) {
        r.dep_suffixes[kind] = Strings(j["dep_suffixes"], kind);
      }
    } else {
      Report("$.dep_suffixes", diag::kExpectedDepSuffixes);
    }
    r.banjo_library_dirs = Strings(j, "banjo_library_dirs");
    r.fidl_library_dirs = Strings(j, "fidl_library_dirs");
    r.ignored_mixins = Strings(j, "ignored_mixins");
    // Optional (older rules files lack it): FIDL services drivers use from outside the scanned
    // drivers (the platform bus), not reported as served by nobody.
    if (j.contains("external_services")) r.external_services = Strings(j, "external_services");
    r.team_path = Strings(j, "team_path");
    r.default_team = String(j, "default_team");
    r.default_transport = String(j, "default_transport");
    if (r.default_transport != "driver" && r.default_transport != "channel") {
      Report("$.default_transport", diag::kExpectedTransport);
    }
    r.ported_variant_suffixes = Strings(j, "ported_variant_suffixes");
    r.new_variant_suffix = String(j, "new_variant_suffix");
    r.successors = StringMap(j, "successors");
    r.bind_protocols = StringMap(j, "bind_protocols");
    if (j.contains("bind_fidl_protocols")) r.bind_fidl_protocols = StringMap(j, "bind_fidl_protocols");
    if (j.contains("protocol_ids")) r.protocol_ids = StringMap(j, "protocol_ids");
    return r;
  }

  void Overlay(const Json& j, ScanOverlay* out) {
    for (const char* key : {"drivers", "protocols"}) {
      if (!j.contains(key)) continue;
      if (!j[key].is_object()) {
        Report(std::string("$.") + key, diag::kExpectedObjectKeyedById);
        continue;
      }
      for (const auto& [id, fields] : j[key].items()) {
        if (!fields.is_object()) Report(std::string("$.") + key + "[\"" + id + "\"]", diag::kExpectedObject);
      }
      (std::string(key) == "drivers" ? out->drivers : out->protocols) = j[key];
    }
    ForEachBoardDriver(j, "parents", diag::kExpectedParentsByBoard, diag::kExpectedParentsByDriver,
                       [&](const std::string& board, const std::string& driver, const Json& parent,
                           const std::string& at) {
      if (parent.is_string() || parent.is_null()) {
        out->parents[board][driver] = parent.is_null() ? "" : parent.get<std::string>();
      } else {
        Report(at, diag::kExpectedParent);
      }
    });
    ForEachBoardDriver(j, "instances", diag::kExpectedInstancesByBoard, diag::kExpectedInstancesByDriver,
                       [&](const std::string& board, const std::string& driver, const Json& parents,
                           const std::string& at) {
      if (!parents.is_array()) {
        Report(at, diag::kExpectedParentList);
        return;
      }
      for (size_t i = 0; i < parents.size(); ++i) {
        if (parents[i].is_string()) {
          out->instances[board][driver].push_back(parents[i].get<std::string>());
        } else {
          Report(at + "[" + std::to_string(i) + "]", diag::kExpectedDriverId);
        }
      }
    });
  }

 private:
  // Visits `key`: {board: {driver: value}}, reporting a level that is not an object with
  // `not_by_board` or `not_by_driver`.
  template <typename Visit>
  void ForEachBoardDriver(const Json& j, const char* key, const support::DiagnosticDef<>& not_by_board,
                          const support::DiagnosticDef<>& not_by_driver, Visit visit) {
    if (!j.contains(key)) return;
    std::string path = std::string("$.") + key;
    if (!j[key].is_object()) {
      Report(path, not_by_board);
      return;
    }
    for (const auto& [board, drivers] : j[key].items()) {
      std::string at = path + "[\"" + board + "\"]";
      if (!drivers.is_object()) {
        Report(at, not_by_driver);
        continue;
      }
      for (const auto& [driver, item] : drivers.items()) visit(board, driver, item, at + "[\"" + driver + "\"]");
    }
  }

  std::string file_;
  std::vector<JsonDiagnostic>* errors_;
};

}  // namespace

ScanRulesLoad LoadScanRules(const std::string& overlay_text, const std::string& overlay_name) {
  ScanRulesLoad load;
  Json rules = Json::parse(kDefaultScanRules);  // checked by the tests; a bad default is a build bug
  Json overlay = Json::object();
  // An overlay file was named (empty or not): it must parse; none named is the empty overlay.
  if (!overlay_name.empty() || !overlay_text.empty()) {
    try {
      overlay = Json::parse(overlay_text);
    } catch (const Json::parse_error& e) {
      load.errors.push_back(AtPath(overlay_name + ": $", diag::kInvalidJson, e.what()));
      return load;
    }
    RulesReader reader(overlay_name, &load.errors);
    if (!overlay.is_object()) {
      reader.Report("$", diag::kOverlayNotAnObject);
      return load;
    }
    if (!overlay.contains("schema") || overlay["schema"] != kScanOverlaySchema) {
      reader.Report("$.schema", diag::kExpectedSchema, kScanOverlaySchema);
      return load;
    }
    if (overlay.contains("rules")) {
      if (overlay["rules"].is_object()) {
        rules.merge_patch(overlay["rules"]);
      } else {
        reader.Report("$.rules", diag::kOverlayRulesNotAnObject);
      }
    }
    reader.Overlay(overlay, &load.overlay);
  }
  RulesReader reader(overlay_text.empty() ? "rules/migrate-plan-scan.json" : overlay_name + " (merged rules)",
                     &load.errors);
  ScanRules parsed = reader.Rules(rules);
  if (load.errors.empty()) load.rules = std::move(parsed);
  return load;
}

}  // namespace fdfkit::plan::scan
