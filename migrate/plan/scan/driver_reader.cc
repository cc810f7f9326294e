#include "migrate/plan/scan/driver_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

#include "migrate/plan/scan/comment_blanking.h"
#include "migrate/plan/scan/component_manifest.h"

namespace fdfkit::plan::scan {

std::string JoinPath(const std::string& dir, const std::string& path) {
  if (path.rfind("//", 0) == 0) return path.substr(2);
  return dir.empty() ? path : dir + "/" + path;
}

namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

LibraryIndex IndexLibraries(SourceTree& tree, const ScanRules& rules) {
  static const std::regex kLibrary(R"((?:^|\n)\s*library\s+([\w.]+)\s*;)");
  static const std::regex kProtocol(R"((?:^|\n)\s*(?:closed\s+|open\s+|ajar\s+)?protocol\s+(\w+))");
  static const std::regex kDriverTransport(R"(@transport\(\s*"Driver"\s*\))");
  LibraryIndex index;
  for (const std::string& base : rules.banjo_library_dirs) {
    for (const std::string& dir : tree.Directories(base)) {
      std::string library = dir.substr(dir.rfind('/') + 1);
      index.banjo_files[library] = tree.Files(dir);
      for (const std::string& file : index.banjo_files[library]) {
        if (!EndsWith(file, ".fidl") && !EndsWith(file, ".banjo")) continue;
        std::string text = tree.Read(file).value_or("");
        std::smatch m;
        if (std::regex_search(text, m, kLibrary)) library = m[1];
        for (std::sregex_iterator it(text.begin(), text.end(), kProtocol), end; it != end; ++it) {
          index.banjo_protocols[library].insert((*it)[1]);
        }
      }
    }
  }
  for (const std::string& base : rules.fidl_library_dirs) {
    for (const std::string& dir : tree.Directories(base)) {
      std::string library = dir.substr(dir.rfind('/') + 1);
      std::string transport = "channel";
      for (const std::string& file : tree.Files(dir)) {
        if (!EndsWith(file, ".fidl")) continue;
        std::string text = tree.Read(file).value_or("");
        if (std::regex_search(text, kDriverTransport)) transport = "driver";
      }
      index.fidl_transport[library] = transport;
    }
  }
  return index;
}

ScannedDriver DriverReader::Read(const GnLabel& label, const BuildResolver& build_of) {
  ScannedDriver driver;
  build_of_ = &build_of;
  const GnFile* build = BuildOf(label.dir);
  const GnTarget* target = build ? build->FindTarget(label.name) : nullptr;
  driver.id = target ? target->String("component_name").value_or(label.name) : label.name;
  driver.component_label = label.Text();
  driver.build_file = JoinPath(label.dir, "BUILD.gn");
  driver.team = TeamOf(label.dir);
  std::set<std::string> visited;
  Walk(label, &driver, &visited, false);
  Decide(&driver);
  build_of_ = nullptr;
  return driver;
}

ScannedDriver DriverReader::Outline(const GnLabel& label) {
  ScannedDriver outline;
  std::set<std::string> visited;
  std::vector<FileDiagnostic> ignored, ignored_notes;
  auto* errors = errors_;
  auto* unresolved = unresolved_;
  errors_ = &ignored;
  unresolved_ = &ignored_notes;
  Walk(label, &outline, &visited, true);
  errors_ = errors;
  unresolved_ = unresolved;
  return outline;
}

void DriverReader::Walk(const GnLabel& label, ScannedDriver* driver, std::set<std::string>* visited,
                        bool into_drivers) {
  if (!visited->insert(label.Text()).second) return;
  const GnFile* build = BuildOf(label.dir);
  const GnTarget* target = build ? build->FindTarget(label.name) : nullptr;
  if (target == nullptr) return;
  driver->files.insert(build->path);
  ReadSources(*build, *target, label, driver);
  bool is_driver = std::count(rules_.driver_target_types.begin(), rules_.driver_target_types.end(), target->type) > 0;
  if (is_driver) {
    if (std::optional<std::string> manifest = target->String("manifest")) {
      std::string path = JoinPath(label.dir, *manifest);
      ComponentManifest cml = ReadComponentManifest(path, tree_.Reader());
      errors_->insert(errors_->end(), cml.errors.begin(), cml.errors.end());
      if (cml.errors.empty()) driver->files.insert(path);
      if (cml.colocate) driver->colocate = cml.colocate;
      for (const std::string& service : cml.expose_services) {
        driver->fidl_serves.insert(service.substr(0, service.rfind('.')));  // lib.Service → lib
      }
      if (cml.errors.empty()) {
        for (const auto& [service, at] : cml.serve_at) driver->services_served[service].push_back({at.first, at.second, false});
        for (const auto& [service, at] : cml.use_at) driver->services_used[service].push_back({at.first, at.second, false});
      }
    }
    if (const GnValue* colocate = target->Find("colocate"); colocate && colocate->kind == GnValue::Kind::kBool) {
      driver->colocate = colocate->boolean;  // fuchsia_driver_component(colocate = true)
    }
  }
  if (std::count(rules_.bind_target_types.begin(), rules_.bind_target_types.end(), target->type) > 0) {
    if (std::optional<std::string> rules = target->String("rules")) {
      std::string path = JoinPath(label.dir, *rules);
      std::optional<std::string> text = tree_.Read(path);
      if (!text) {
        unresolved_->push_back(
            AtFile(build->path, LineOf(*target, "rules"), 0, diag::kBindRulesNotInCheckout, *rules, label.name));
      } else {
        driver->bind = ParseBindRules(path, *text);
        driver->bind_file = path;
        // An older FIDL parent (`fuchsia.BIND_FIDL_PROTOCOL == ...`) serves its library on channels.
        for (BindParent& parent : driver->bind.parents) {
          for (const std::string& value : parent.fidl_protocol_values) {
            auto library = rules_.bind_fidl_protocols.find(value);
            if (library == rules_.bind_fidl_protocols.end()) {
              unresolved_->push_back(AtFile(path, parent.line, 0, diag::kUnknownBindFidlValue, value));
            } else {
              parent.fidl.push_back({library->second, "channel", ""});
            }
          }
        }
        errors_->insert(errors_->end(), driver->bind.errors.begin(), driver->bind.errors.end());
        driver->files.insert(path);
      }
    }
  }
  for (const std::string& variable : rules_.follow_variables) {
    const GnValue* deps = target->Find(variable);
    if (deps == nullptr) continue;
    for (const GnValue& dep : deps->list) {
      if (dep.kind != GnValue::Kind::kString) continue;
      std::optional<GnLabel> parsed = ParseGnLabel(dep.string, label.dir);
      if (!parsed) continue;
      bool classified = false;
      for (const auto& [kind, suffixes] : rules_.dep_suffixes) {
        for (const std::string& suffix : suffixes) {
          if (classified || !EndsWith(parsed->name, suffix)) continue;
          classified = true;
          LibraryDep lib{parsed->name.substr(0, parsed->name.size() - suffix.size()), dep.string, dep.file, dep.line};
          if (kind != "banjo") ReadFidlTarget({parsed->dir, lib.library});
          auto& list = kind == "banjo" ? driver->banjo : kind == "driver" ? driver->driver_fidl : driver->channel_fidl;
          bool seen = std::any_of(list.begin(), list.end(), [&](const LibraryDep& d) { return d.library == lib.library; });
          if (!seen) list.push_back(std::move(lib));
        }
      }
      if (classified) continue;
      const GnFile* dep_build = BuildOf(parsed->dir);
      const GnTarget* dep_target = dep_build ? dep_build->FindTarget(parsed->name) : nullptr;
      if (dep_target == nullptr) continue;  // outside the tree (SDK libraries, toolchains)
      bool other_driver = std::count(rules_.driver_target_types.begin(), rules_.driver_target_types.end(),
                                     dep_target->type) > 0;
      if (into_drivers || !other_driver) Walk(*parsed, driver, visited, into_drivers);
    }
  }
}

// The line a target's `variable` is written on (the target's own if it is not known).
int DriverReader::LineOf(const GnTarget& target, const std::string& variable) {
  const GnValue* value = target.Find(variable);
  if (value == nullptr) return target.line;
  if (value->line > 0) return value->line;
  for (const GnValue& item : value->list) {
    if (item.line > 0) return item.line;
  }
  return target.line;
}

// Each source the target lists, read for code signals. What the checkout lacks is noted, with
// what the scan then assumes, and the scan goes on: a sparse checkout, a source generated at build
// time (`$target_gen_dir/...`, left uninterpolated), a list computed by a function.
void DriverReader::ReadSources(const GnFile& build, const GnTarget& target, const GnLabel& label,
                               ScannedDriver* driver) {
  const GnValue* sources = target.Find("sources");
  if (sources == nullptr) return;
  std::vector<GnValue> items =
      sources->kind == GnValue::Kind::kList ? sources->list : std::vector<GnValue>{*sources};
  bool computed = false;
  for (const GnValue& item : items) {
    int line = item.line > 0 ? item.line : target.line;
    // A list written in an imported .gni is noted where it is written.
    const std::string& at = item.line > 0 && !item.file.empty() ? item.file : build.path;
    if (item.kind != GnValue::Kind::kString) {
      computed = true;
      continue;
    }
    if (item.string.find('$') != std::string::npos) {
      unresolved_->push_back(AtFile(at, line, 0, diag::kGeneratedSource, item.string, label.name));
      continue;
    }
    std::string path = JoinPath(label.dir, item.string);
    std::optional<std::string> text = tree_.Read(path);
    if (!text) {
      unresolved_->push_back(AtFile(at, line, 0, diag::kSourceNotInCheckout, item.string, label.name));
      continue;
    }
    if (text->empty()) unresolved_->push_back(AtFile(at, line, 0, diag::kEmptySource, item.string, label.name));
    ReadCode(path, *text, label.dir, driver);
    driver->included_headers.erase(path);  // named in BUILD.gn, whoever else includes it
  }
  if (computed) {
    unresolved_->push_back(AtFile(build.path, LineOf(target, "sources"), 0, diag::kComputedSources, label.name));
  }
}

// `text` (of `path`) for code signals, once per driver, and the headers it includes with quotes
// that lie under the target's folder (`own_dir`): found beside the includer or by their path from
// the tree's root, as Fuchsia spells them. A driver class is often declared in a header BUILD.gn
// does not list (aml-gpio's mixins are in aml-gpio.h); headers elsewhere (libraries, the SDK) are
// not the driver's code.
void DriverReader::ReadCode(const std::string& path, const std::string& text, const std::string& own_dir,
                            ScannedDriver* driver) {
  if (!driver->files.insert(path).second) return;
  for (CodeSignal& signal : FindCodeSignals(path, text)) driver->signals.push_back(signal);
  static const std::regex kQuotedInclude(R"re((?:^|\n)[ \t]*#[ \t]*include[ \t]*"([^"\n]+)")re");
  std::string code = BlankComments(text, StringLiterals::kKeep);
  std::string dir = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
  for (std::sregex_iterator it(code.begin(), code.end(), kQuotedInclude), end; it != end; ++it) {
    std::string included = (*it)[1];
    for (const std::string& spelled : {JoinPath(dir, included), included}) {
      // One spelling per file (`d/sub/../x.h` is `d/x.h`); nothing above the tree's root.
      std::string candidate = std::filesystem::path(spelled).lexically_normal().generic_string();
      if (candidate.empty() || candidate.rfind("..", 0) == 0 || candidate[0] == '/') continue;
      bool under = own_dir.empty() ? candidate.find('/') == std::string::npos
                                   : candidate.rfind(own_dir + "/", 0) == 0;
      if (!under) continue;
      if (driver->files.count(candidate)) break;  // this include is read already
      if (std::optional<std::string> header = tree_.Read(candidate)) {
        driver->included_headers.insert(candidate);
        ReadCode(candidate, *header, own_dir, driver);
        break;
      }
    }
  }
}

// The `fidl("lib")` target beside a bindings dep (`//dir:lib_cpp_wire` → `//dir:lib`): its sources
// say whether the library is declared @transport("Driver").
void DriverReader::ReadFidlTarget(const GnLabel& label) {
  if (!fidl_targets_read_.insert(label.Text()).second) return;
  static const std::regex kLibrary(R"((?:^|\n)\s*library\s+([\w.]+)\s*;)");
  static const std::regex kDriverTransport(R"(@transport\(\s*"Driver"\s*\))");
  const GnFile* build = tree_.Build(label.dir);
  const GnTarget* target = build ? build->FindTarget(label.name) : nullptr;
  if (target == nullptr || target->type != "fidl") return;
  FidlSource source{"channel", ""};
  std::string library = label.name;
  for (const std::string& file : target->Strings("sources")) {
    std::string path = JoinPath(label.dir, file);
    std::optional<std::string> text = tree_.Read(path);
    if (!text) continue;
    if (source.file.empty()) source.file = path;
    std::smatch m;
    if (std::regex_search(*text, m, kLibrary)) library = m[1];
    if (std::regex_search(*text, kDriverTransport)) source = {"driver", path};
  }
  if (!source.file.empty()) fidl_sources_.emplace(library, source);
}

bool DriverReader::NameMatches(const std::string& protocol_name, const std::string& library) const {
  auto known = libraries_.banjo_protocols.find(library);
  if (known != libraries_.banjo_protocols.end()) {
    // ZX_PROTOCOL_ tags lose the name's case (I2C_IMPL: I2cImpl): compare without it.
    return std::any_of(known->second.begin(), known->second.end(),
                       [&](const std::string& name) { return Lower(name) == Lower(protocol_name); });
  }
  // No library source in the tree: the generated mixin is named after the library's last part.
  std::string tail = library.substr(library.rfind('.') + 1);
  std::string rest = library.rfind("fuchsia.hardware.", 0) == 0 ? library.substr(17) : tail;
  rest.erase(std::remove(rest.begin(), rest.end(), '.'), rest.end());
  std::string name = Lower(protocol_name);
  return name == tail || name == rest;
}

void DriverReader::Decide(ScannedDriver* driver) {
  std::set<std::string> banjo;
  for (const LibraryDep& dep : driver->banjo) banjo.insert(dep.library);
  std::set<std::string> matched;
  for (const CodeSignal& signal : driver->signals) {
    if (signal.kind == CodeSignal::Kind::kFidlServes) driver->fidl_serves.insert(signal.name);
    bool service_signal = signal.kind == CodeSignal::Kind::kFidlServes || signal.kind == CodeSignal::Kind::kFidlConsumes;
    if (service_signal && !signal.service.empty()) {
      auto& services = signal.kind == CodeSignal::Kind::kFidlServes ? driver->services_served : driver->services_used;
      auto& evidence = services[signal.name + "." + signal.service];
      auto manifest = std::find_if(evidence.begin(), evidence.end(), [](const ServiceEvidence& e) { return !e.code; });
      evidence.insert(manifest, {signal.file, signal.line, true});  // code first, in source order
    }
    if (signal.kind != CodeSignal::Kind::kBanjoServes && signal.kind != CodeSignal::Kind::kBanjoConsumes) continue;
    if (std::count(rules_.ignored_mixins.begin(), rules_.ignored_mixins.end(), signal.name)) continue;
    bool found = false;
    auto by_id = signal.protocol_id.empty() ? rules_.protocol_ids.end() : rules_.protocol_ids.find(signal.protocol_id);
    for (const std::string& library : banjo) {
      bool named = by_id != rules_.protocol_ids.end() ? by_id->second == library : NameMatches(signal.name, library);
      if (!named) continue;
      found = true;
      matched.insert(library);
      (signal.kind == CodeSignal::Kind::kBanjoServes ? driver->serves : driver->consumes).insert(library);
    }
    if (!found) {
      unresolved_->push_back(AtFile(signal.file, signal.line, 0,
                                    signal.kind == CodeSignal::Kind::kBanjoConsumes ? diag::kUnmatchedClientMixin
                                                                                    : diag::kUnmatchedServedMixin,
                                    signal.Construct(), driver->id));
    }
  }
  // A dual binary binds a parent of either flavour in one node (the gpio core); a composite with a
  // banjo node and a FIDL node binds both at once, which is not dual.
  driver->dual_binary = false;
  for (const BindParent& parent : driver->bind.parents) {
    bool accepts_banjo = false;
    for (const std::string& value : parent.banjo_values) {
      auto it = rules_.bind_protocols.find(value);
      if (it == rules_.bind_protocols.end()) {
        unresolved_->push_back(AtFile(driver->bind_file, parent.line, 0, diag::kUnknownBindValue, value));
        continue;
      }
      if (it->second.empty()) continue;  // a parent that is not a migrated driver (platform bus)
      accepts_banjo = true;
      // Binding a parent that serves the protocol means using it, even for a driver serving it
      // too (a filter driver: a partition serves its caller what it asks of its parent).
      if (banjo.count(it->second)) {
        driver->consumes.insert(it->second);
        matched.insert(it->second);
      }
    }
    driver->dual_binary = driver->dual_binary || (accepts_banjo && !parent.fidl.empty());
  }
  // A banjo dep the banjo code does not use but whose successor the driver calls or serves over
  // FIDL: the driver stands on that side of the protocol (a half-migrated driver).
  std::set<std::string> fidl_clients, fidl_servers;
  for (const CodeSignal& signal : driver->signals) {
    if (signal.kind == CodeSignal::Kind::kFidlConsumes) fidl_clients.insert(signal.name);
    if (signal.kind == CodeSignal::Kind::kFidlServes) fidl_servers.insert(signal.name);
  }
  for (const LibraryDep& dep : driver->banjo) {
    if (matched.count(dep.library)) continue;
    std::string successor = rules_.Successor(dep.library);
    if (fidl_clients.count(successor) || fidl_servers.count(successor)) {
      if (fidl_clients.count(successor)) driver->consumes.insert(dep.library);
      if (fidl_servers.count(successor)) driver->serves.insert(dep.library);
      matched.insert(dep.library);
      continue;
    }
    driver->consumes.insert(dep.library);
    unresolved_->push_back(AtFile(dep.file, dep.line, 0, diag::kDirectionUnknown, driver->id, dep.library));
  }
  if (banjo.empty()) {
    driver->status = "ported";
    return;
  }
  std::set<std::string> fidl;
  for (const LibraryDep& dep : driver->driver_fidl) fidl.insert(dep.library);
  for (const LibraryDep& dep : driver->channel_fidl) fidl.insert(dep.library);
  std::vector<std::string> missing;
  for (const std::string& library : banjo) {
    if (!fidl.count(rules_.Successor(library))) missing.push_back(library);
  }
  driver->status = missing.empty() ? "dual" : "banjo";
  if (!missing.empty() && missing.size() < banjo.size()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    unresolved_->push_back(AtFile(driver->build_file, 0, 0, diag::kPartialDual, driver->id, list));
  }
}

std::string DriverReader::TeamOf(const std::string& dir) const {
  for (const std::string& pattern : rules_.team_path) {
    size_t hole = pattern.find("{team}");
    if (hole == std::string::npos) continue;
    std::string prefix = pattern.substr(0, hole);
    if (dir.rfind(prefix, 0) != 0) continue;
    std::string rest = dir.substr(prefix.size());
    return rest.substr(0, rest.find('/'));
  }
  return rules_.default_team;
}

}  // namespace fdfkit::plan::scan
