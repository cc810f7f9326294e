// A static reader for GN build files (BUILD.gn, .gni): enough of GN's language to read what a
// Fuchsia tree declares about drivers — target calls with their variables, assignments with
// `=`/`+=`/`-=`, lists, scopes (`{ package_target = ... }`, as board input bundles list drivers),
// string interpolation of `$target_name`, `import()`, `declare_args()`, `if`/`else`, `foreach`,
// `template` definitions expanded where they are invoked (`invoker.x`, `forward_variables_from`,
// `defined`). Nothing is executed: a condition that cannot be decided statically (it reads a build
// argument nobody set) runs both branches, and the reader says so in `notes`.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_GN_FILE_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_GN_FILE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"

namespace fdfkit::plan::scan {

struct GnValue {
  enum class Kind { kUnknown, kString, kBool, kInt, kList, kScope };
  Kind kind = Kind::kUnknown;
  std::string string;
  bool boolean = false;
  long integer = 0;
  std::vector<GnValue> list;
  // A scope's variables: names and values side by side (a pair of an incomplete type would not do).
  std::vector<std::string> member_names;
  std::vector<GnValue> member_values;
  // Where a string literal was written (the file a board label is listed in, for edits).
  std::string file;
  int line = 0;
  // How the file writes a computed string (`"//src/devices/$driver"`, `"//" + d`): the file holds
  // no text equal to `string` to edit. Empty for a plain literal.
  std::string written;

  static GnValue String(std::string text, std::string file, int line);
  static GnValue Bool(bool value);
  static GnValue List(std::vector<GnValue> items);
  // Strings of a list value (or the one string of a string value); other items are skipped.
  std::vector<std::string> Strings() const;
  // A scope's variable, or nullptr.
  const GnValue* Member(const std::string& name) const;
  void AddMember(std::string name, GnValue value);
};

struct GnTarget {
  std::string type;  // the called function: fuchsia_driver, group, driver_bind_rules, ...
  std::string name;
  int line = 0;
  std::map<std::string, GnValue> variables;

  const GnValue* Find(const std::string& variable) const;
  std::vector<std::string> Strings(const std::string& variable) const;
  std::optional<std::string> String(const std::string& variable) const;
  bool Bool(const std::string& variable) const;  // false if unset or not a bool
};

struct GnFile {
  std::string path;                       // relative to the tree root
  std::map<std::string, GnValue> scope;  // top-level variables after evaluation
  std::vector<GnTarget> targets;
  std::vector<std::string> imports;  // every file imported, directly or not, relative to the root
  std::vector<FileDiagnostic> errors;  // syntax errors: reading stopped at the first one per file
  std::vector<FileDiagnostic> notes;   // warnings: undecidable conditions, unreadable imports
  // Variables read that a build's arguments may set (unset ones, and declare_args defaults), in
  // conditions, lists or anywhere: reading the file again with a board's values may differ.
  std::vector<std::string> argument_reads;

  const GnTarget* FindTarget(const std::string& name) const;
};

// Reads a file given its path relative to the tree root; returns std::nullopt if it is absent.
using GnSourceReader = std::function<std::optional<std::string>(const std::string& path)>;

// Reads and evaluates `path` (relative to the tree root), following imports through `read`.
// `arguments` are build arguments already set (a board's), as GN sets them before any file runs.
GnFile ReadGnFile(const std::string& path, const GnSourceReader& read,
                  const std::map<std::string, GnValue>& arguments = {});

// "//a/b:c" or ":c" or "//a/b" relative to the directory `dir` → {"a/b", "c"}; std::nullopt for
// labels this reader cannot place (toolchain suffixes are dropped).
struct GnLabel {
  std::string dir;   // relative to the tree root, no trailing slash
  std::string name;  // target name
  std::string Text() const { return "//" + dir + ":" + name; }
};
std::optional<GnLabel> ParseGnLabel(const std::string& label, const std::string& dir);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_GN_FILE_H_
