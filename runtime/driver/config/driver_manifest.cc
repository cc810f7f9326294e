#include "runtime/driver/config/driver_manifest.h"

#include <filesystem>

#include "runtime/driver/config/json_input.h"

namespace fdfkit::driver {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string Resolve(const std::string& manifest, const std::string& path) {
  if (fs::path(path).is_absolute()) return path;
  return (fs::path(manifest).parent_path() / path).lexically_normal().string();
}

// Reads `use`, `capabilities` or `expose`: a list of entries each naming one `service` or
// `protocol` (a name or a list of names).
void ReadCapabilities(const JsonInput& input, const std::string& section,
                      std::vector<std::string>* services, std::vector<std::string>* protocols,
                      std::vector<std::string>* exposed_from_self) {
  const Json* list = input.Find("/" + section);
  if (!list) return;
  if (!list->is_array()) {
    input.Report(diag::kWrongType, "/" + section, section, "a list");
    return;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    std::string pointer = "/" + section + "/" + std::to_string(i);
    std::string name = section + "[" + std::to_string(i) + "]";
    const Json& entry = (*list)[i];
    bool service = entry.is_object() && entry.contains("service");
    bool protocol = entry.is_object() && entry.contains("protocol");
    if (service == protocol) {
      input.Report(diag::kBadCapabilityEntry, pointer, name);
      continue;
    }
    const char* kind = service ? "service" : "protocol";
    const Json& names = entry[kind];
    std::vector<std::string> found;
    if (names.is_string()) {
      found.push_back(names);
    } else if (names.is_array() && std::all_of(names.begin(), names.end(),
                                               [](const Json& n) { return n.is_string(); })) {
      for (const Json& n : names) found.push_back(n);
    } else {
      input.Report(diag::kWrongType, pointer + "/" + kind, name + "." + kind,
                   "a name or a list of names");
      continue;
    }
    std::vector<std::string>* out = service ? services : protocols;
    if (out) out->insert(out->end(), found.begin(), found.end());
    bool from_self = !entry.contains("from") || entry["from"] == "self";
    if (service && exposed_from_self && from_self) {
      exposed_from_self->insert(exposed_from_self->end(), found.begin(), found.end());
    }
  }
}

}  // namespace

std::optional<DriverManifest> ReadDriverManifest(const SourceFile& file, Diagnostics* diagnostics) {
  size_t errors = diagnostics->error_count();
  std::optional<JsonInput> input = JsonInput::Parse(file, "driver manifest", diagnostics);
  if (!input) return std::nullopt;
  DriverManifest manifest;
  manifest.path = file.name();
  manifest.name = fs::path(file.name()).stem().string();
  manifest.url = "fuchsia-boot:///" + manifest.name + "#meta/" + manifest.name + ".cm";
  if (!input->root().is_object()) {
    input->Report(diag::kWrongType, "", "the manifest", "an object");
    return std::nullopt;
  }
  const Json* program = input->Find("/program");
  if (!program || !program->is_object()) {
    if (program) input->Report(diag::kWrongType, "/program", "program", "an object");
    else input->Report(diag::kMissingField, "", "the manifest", "program");
    return std::nullopt;
  }
  for (const auto& item : program->items()) {
    const std::string& key = item.key();
    const Json& value = item.value();
    ProgramEntry entry{key, {}, value.is_array()};
    if (value.is_string()) {
      entry.values.push_back(value);
    } else if (value.is_boolean()) {
      entry.values.push_back(value.get<bool>() ? "true" : "false");
    } else if (value.is_array() && std::all_of(value.begin(), value.end(),
                                               [](const Json& v) { return v.is_string(); })) {
      for (const Json& v : value) entry.values.push_back(v);
    } else {
      // The fields read below report their own, more precise, expectation.
      static constexpr const char* kReadBelow[] = {"runner", "binary", "bind", "compat",
                                                   "colocate", "fallback",
                                                   "default_dispatcher_opts"};
      if (std::none_of(std::begin(kReadBelow), std::end(kReadBelow),
                       [&](const char* known) { return key == known; })) {
        input->Report(diag::kWrongType, JsonInput::Child("/program", key), "program." + key,
                      "a string or a list of strings");
      }
      continue;
    }
    manifest.program.push_back(std::move(entry));
  }
  std::optional<std::string> runner = input->String("/program/runner", "program.runner");
  if (!runner && !input->Find("/program/runner")) {
    input->Report(diag::kMissingField, "/program", "program", "runner");
  } else if (runner && *runner != "driver") {
    input->Report(diag::kNotADriverRunner, "/program/runner", *runner);
  }
  if (std::optional<std::string> compat = input->String("/program/compat", "program.compat")) {
    input->Report(diag::kCompatNotSupported, "/program/compat", *compat);
  }
  for (const char* field : {"binary", "bind"}) {
    std::optional<std::string> path = input->String(std::string("/program/") + field,
                                                    std::string("program.") + field);
    if (!path && !input->Find(std::string("/program/") + field)) {
      input->Report(diag::kMissingField, "/program", "program", field);
    } else if (path) {
      (std::string(field) == "binary" ? manifest.binary : manifest.bind) = Resolve(file.name(), *path);
    }
  }
  manifest.colocate = input->Flag("/program/colocate", "program.colocate").value_or(false);
  manifest.fallback = input->Flag("/program/fallback", "program.fallback").value_or(false);
  if (const Json* options = input->Find("/program/default_dispatcher_opts")) {
    for (size_t i = 0; options->is_array() && i < options->size(); ++i) {
      const Json& option = (*options)[i];
      std::string pointer = "/program/default_dispatcher_opts/" + std::to_string(i);
      if (option == "allow_sync_calls") {
        manifest.allow_sync_calls = true;
      } else if (option.is_string()) {
        input->Report(diag::kUnknownDispatcherOption, pointer, option.get<std::string>());
      } else {
        input->Report(diag::kWrongType, pointer, "default_dispatcher_opts entries", "strings");
      }
    }
    if (!options->is_array()) {
      input->Report(diag::kWrongType, "/program/default_dispatcher_opts",
                    "program.default_dispatcher_opts", "a list of strings");
    }
  }
  ReadCapabilities(*input, "capabilities", &manifest.capabilities, nullptr, nullptr);
  ReadCapabilities(*input, "use", &manifest.uses, &manifest.protocols_used, nullptr);
  ReadCapabilities(*input, "expose", nullptr, nullptr, &manifest.exposes);
  for (size_t i = 0; i < manifest.exposes.size(); ++i) {
    const std::string& service = manifest.exposes[i];
    if (std::find(manifest.capabilities.begin(), manifest.capabilities.end(), service) ==
        manifest.capabilities.end()) {
      input->Report(diag::kExposeNotDeclared, "/expose", service);
    }
  }
  if (diagnostics->error_count() != errors) return std::nullopt;
  return manifest;
}

}  // namespace fdfkit::driver
