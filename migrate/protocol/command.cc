#include "migrate/protocol/command.h"

#include <filesystem>

#include "migrate/plan/inventory.h"
#include "migrate/protocol/migrate_protocol.h"
#include "support/atomic_write.h"
#include "support/read_file.h"
#include "support/unified_diff.h"

namespace fdfkit::protocol {
namespace {

// `value` of flag `flag` set at `keys` of the rules, remembered as coming from the command line.
void Flag(Rules* rules, const std::vector<std::string>& keys, const std::string& flag) {
  rules->flags[JsonPath(keys)] = flag;
}

// The command-line defaults over the loaded rules. CLI11 has checked the values already.
void ApplyFlags(const MigrateCommand& command, Rules* rules) {
  if (command.transport) {
    rules->transport = *command.transport == "driver" ? Transport::kDriver : Transport::kChannel;
    Flag(rules, {"defaults", "transport"}, "--transport");
  }
  if (command.callbacks) {
    rules->callbacks =
        *command.callbacks == "events" ? Callbacks::kEvents : Callbacks::kReverseProtocol;
    Flag(rules, {"defaults", "callbacks"}, "--callbacks");
  }
  if (command.openness) {
    rules->openness = *command.openness == "open"   ? Openness::kOpen
                      : *command.openness == "ajar" ? Openness::kAjar
                                                    : Openness::kClosed;
    Flag(rules, {"defaults", "openness"}, "--openness");
  }
  if (command.strictness) {
    rules->strictness =
        *command.strictness == "flexible" ? Strictness::kFlexible : Strictness::kStrict;
    Flag(rules, {"defaults", "strictness"}, "--strictness");
  }
}

void Print(std::ostream& err, const std::string& where, const support::Diagnostic& d) {
  err << where << ": " << d.Text() << "\n";
}

// Each inventory protocol's transport, read as migrate-plan reads the inventory; nullopt (with
// the problems printed) when the inventory is not valid.
std::optional<InventoryTransports> ReadInventory(const std::string& path, std::ostream& err) {
  plan::InventoryLoad load = plan::LoadInventory(path);
  if (!load.inventory) {
    Print(err, path, support::Make(diag::kInvalidInventory));
    for (const plan::JsonDiagnostic& e : load.errors) err << path << ": " << e.Text() << "\n";
    return std::nullopt;
  }
  // Only the transports the inventory states: a protocol without one leaves the choice to the
  // rules (the loader's "driver" for it is a planning default, not a decision).
  InventoryTransports out;
  const nlohmann::json& listed = load.document["protocols"];
  for (size_t i = 0; i < load.inventory->protocols.size(); ++i) {
    const plan::Protocol& p = load.inventory->protocols[i];
    if (i >= listed.size() || !listed[i].contains("transport")) continue;
    out[p.id] = {p.transport == "channel" ? Transport::kChannel : Transport::kDriver,
                 path + ": $.protocols[" + std::to_string(i) + "].transport"};
  }
  return out;
}

}  // namespace

int RunMigrateCommand(const MigrateCommand& command, std::ostream& out, std::ostream& err) {
  std::string rules_text;
  if (!command.rules_path.empty()) {
    std::optional<std::string> text = support::ReadFile(command.rules_path);
    if (!text) {
      Print(err, command.rules_path, support::Make(diag::kCannotReadRules, command.rules_path));
      return kExitUsage;
    }
    rules_text = *text;
  }
  RulesProblem problem;
  std::optional<Rules> rules = LoadRules(rules_text, command.rules_path, &problem);
  if (!rules) {
    err << problem.Text() << "\n";
    return kExitUsage;
  }
  ApplyFlags(command, &*rules);
  if (std::optional<RulesProblem> mismatch = CheckOpennessAndStrictness(*rules)) {
    err << mismatch->Text() << "\n";
    return kExitUsage;
  }
  MigrateOptions options{std::move(*rules), command.report};
  if (!command.inventory_path.empty()) {
    std::optional<InventoryTransports> inventory = ReadInventory(command.inventory_path, err);
    if (!inventory) return kExitUsage;
    options.inventory = std::move(*inventory);
  }
  MigrateResult result = MigrateProtocols(command.files, command.include_dirs, options);
  if (!result.ok) {
    err << result.errors;
    return result.invalid_rules ? kExitUsage : kExitInputErrors;
  }
  std::error_code ec;
  if (command.mode == MigrateCommand::Mode::kWrite) {
    std::filesystem::create_directories(command.out_dir, ec);
    if (ec) {
      Print(err, command.out_dir,
            support::Make(diag::kCannotCreateOutputDirectory, command.out_dir, ec.message()));
      return kExitInputErrors;
    }
  }
  int stale = 0;
  for (const OutputFile& file : result.files) {
    std::filesystem::path path = std::filesystem::path(command.out_dir) / file.name;
    std::optional<std::string> on_disk = support::ReadFile(path);
    if (on_disk == file.text) continue;
    ++stale;
    switch (command.mode) {
      case MigrateCommand::Mode::kCheck:
        Print(err, path.string(), support::Make(diag::kStaleOutput, path.string()));
        break;
      case MigrateCommand::Mode::kDryRun:
        out << support::UnifiedDiff(on_disk.value_or(""), file.text,
                                    on_disk ? path.string() : "/dev/null", path.string());
        break;
      case MigrateCommand::Mode::kWrite:
        if (!support::WriteFileAtomically(path.string(), file.text)) {
          Print(err, path.string(), support::Make(diag::kCannotWriteOutput, path.string()));
          return kExitInputErrors;
        }
        break;
    }
  }
  if (command.mode == MigrateCommand::Mode::kCheck && stale > 0) return kExitInputErrors;
  return kExitOk;
}

}  // namespace fdfkit::protocol
