#include "runtime/driver/config/json_input.h"

namespace fdfkit::driver {

std::optional<JsonInput> JsonInput::Parse(const SourceFile& file, const std::string& kind,
                                          Diagnostics* diagnostics) {
  support::Json5Error error;
  std::optional<support::Json5Document> document = support::ParseJson5(file.text(), &error);
  if (!document) {
    diagnostics->Report(diag::kMalformedJson5, file, error.offset, kind, error.message);
    return std::nullopt;
  }
  return JsonInput(&file, std::move(*document), diagnostics);
}

const nlohmann::json* JsonInput::Find(const std::string& pointer) const {
  nlohmann::json::json_pointer path(pointer);
  return document_.root.contains(path) ? &document_.root.at(path) : nullptr;
}

std::string JsonInput::Child(const std::string& pointer, const std::string& key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::optional<std::string> JsonInput::String(const std::string& pointer,
                                             const std::string& name) const {
  const nlohmann::json* value = Find(pointer);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    Report(diag::kWrongType, pointer, name, "a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> JsonInput::Flag(const std::string& pointer, const std::string& name) const {
  const nlohmann::json* value = Find(pointer);
  if (!value) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string() && (*value == "true" || *value == "false")) return *value == "true";
  Report(diag::kWrongType, pointer, name, "\"true\" or \"false\"");
  return std::nullopt;
}

}  // namespace fdfkit::driver
