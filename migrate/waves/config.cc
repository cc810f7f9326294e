#include "migrate/waves/config.h"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace fdfkit::waves {
namespace {

using Json = nlohmann::json;

class ConfigParser {
 public:
  explicit ConfigParser(std::string file) : file_(std::move(file)) {}

  ConfigRead Parse(const std::string& text) {
    Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
      // nlohmann's message carries the byte position; the parse is redone to get it.
      std::string why = "syntax error";
      try {
        Json unused = Json::parse(text);  // throws here: the text did not parse above
        (void)unused;
      } catch (const Json::parse_error& e) {
        why = e.what();
      }
      Error("", diag::kInvalidJson, why);
      return Finish({});
    }
    if (!root.is_object()) {
      Error("$", diag::kExpectedObject);
      return Finish({});
    }
    WavesConfig config;
    Fields(root, "$", {"schema", "boards", "drivers"});
    if (!root.contains("schema") || root["schema"] != kConfigSchema) {
      Error("$.schema", diag::kExpectedSchema, kConfigSchema);
    }
    if (!root.contains("boards")) {
      Error("$.boards", diag::kMissingField, "an array of boards");
    } else if (!root["boards"].is_array()) {
      Error("$.boards", diag::kExpectedArray);
    } else if (root["boards"].empty()) {
      Error("$.boards", diag::kNoBoards);
    } else {
      std::map<std::string, std::string> first;
      for (size_t i = 0; i < root["boards"].size(); ++i) {
        std::string path = "$.boards[" + std::to_string(i) + "]";
        std::optional<BoardConfig> board = Board(root["boards"][i], path);
        if (!board) continue;
        auto [it, inserted] = first.emplace(board->id, path);
        if (!inserted) Error(path + ".id", diag::kDuplicateBoard, board->id, it->second);
        config.boards.push_back(std::move(*board));
      }
    }
    if (root.contains("drivers")) {
      const Json& drivers = root["drivers"];
      if (!drivers.is_object()) {
        Error("$.drivers", diag::kExpectedObject);
      } else {
        for (const auto& [id, entry] : drivers.items()) {
          std::string path = "$.drivers[\"" + id + "\"]";
          if (!entry.is_object()) {
            Error(path, diag::kExpectedObject);
            continue;
          }
          Fields(entry, path, {"source", "dual", "replace"});
          DriverSources sources;
          sources.path = path;
          sources.source = RequiredString(entry, path, "source").value_or("");
          sources.dual = OptionalString(entry, path, "dual");
          sources.replace = OptionalString(entry, path, "replace");
          config.drivers.emplace(id, sources);
        }
      }
    }
    return Finish(std::move(config));
  }

 private:
  std::optional<BoardConfig> Board(const Json& entry, const std::string& path) {
    if (!entry.is_object()) {
      Error(path, diag::kExpectedObject);
      return std::nullopt;
    }
    Fields(entry, path, {"id", "gni", "base", "timeout_seconds", "checks"});
    BoardConfig board;
    board.path = path;
    std::optional<std::string> id = RequiredString(entry, path, "id");
    std::optional<std::string> base = RequiredString(entry, path, "base");
    board.gni = OptionalString(entry, path, "gni");
    if (entry.contains("timeout_seconds")) {
      const Json& t = entry["timeout_seconds"];
      if (!t.is_number_integer() || t.get<long>() < 1 || t.get<long>() > 24 * 3600) {
        Error(path + ".timeout_seconds", diag::kExpectedPositiveInteger);
      } else {
        board.timeout_seconds = t.get<int>();
      }
    }
    if (!entry.contains("checks")) {
      Error(path + ".checks", diag::kMissingField, "an array of checks");
    } else if (!entry["checks"].is_array()) {
      Error(path + ".checks", diag::kExpectedArray);
    } else if (entry["checks"].empty()) {
      Error(path + ".checks", diag::kNoChecks);
    } else {
      for (size_t i = 0; i < entry["checks"].size(); ++i) {
        std::string check_path = path + ".checks[" + std::to_string(i) + "]";
        const Json& check = entry["checks"][i];
        if (!check.is_object()) {
          Error(check_path, diag::kExpectedObject);
          continue;
        }
        Fields(check, check_path, {"name", "event"});
        std::optional<std::string> name = RequiredString(check, check_path, "name");
        std::optional<std::string> event = RequiredString(check, check_path, "event");
        if (event) {
          try {
            std::regex compiled(*event);
          } catch (const std::regex_error& e) {
            Error(check_path + ".event", diag::kBadRegex, e.what());
            event.reset();
          }
        }
        if (name && event) board.checks.push_back({*name, *event});
      }
    }
    if (!id || !base) return std::nullopt;
    board.id = *id;
    board.base = *base;
    return board;
  }

  std::optional<std::string> RequiredString(const Json& object, const std::string& path,
                                            const std::string& key) {
    if (!object.contains(key)) {
      Error(path + "." + key, diag::kMissingField, "a non-empty string");
      return std::nullopt;
    }
    const Json& value = object[key];
    if (!value.is_string() || value.get<std::string>().empty()) {
      Error(path + "." + key, diag::kExpectedNonEmptyString);
      return std::nullopt;
    }
    return value.get<std::string>();
  }

  std::string OptionalString(const Json& object, const std::string& path, const std::string& key) {
    if (!object.contains(key)) return "";
    return RequiredString(object, path, key).value_or("");
  }

  // A misspelt field would silently change what runs, so unknown ones are errors.
  void Fields(const Json& object, const std::string& path, std::set<std::string> known) {
    for (const auto& [key, value] : object.items()) {
      if (!known.count(key)) Error(path + "." + key, diag::kUnknownField, key);
    }
  }

  template <typename... Args>
  void Error(const std::string& path, const support::DiagnosticDef<Args...>& def,
             const std::type_identity_t<Args>&... args) {
    errors_.push_back(At(file_, path, def, args...));
  }

  ConfigRead Finish(WavesConfig config) {
    ConfigRead read;
    read.errors = std::move(errors_);
    if (read.errors.empty()) read.config = std::move(config);
    return read;
  }

  std::string file_;
  std::vector<InputDiagnostic> errors_;
};

}  // namespace

ConfigRead ParseWavesConfig(const std::string& text, const std::string& file) {
  return ConfigParser(file).Parse(text);
}

}  // namespace fdfkit::waves
