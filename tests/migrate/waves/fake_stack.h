// A small scanned tree, plan and build for migrate-waves tests, written into a fresh temporary
// folder: board x with host h (drivers a and b, banjo, a serving p to b) and host done (c, already
// ported); the plan ports a in wave 1, then b, switches h and deletes both banjo variants in wave 2
// (board-config diff wave-02/switch-x_h.diff). Every variant is "built" (a manifest and a .so)
// and the stand-in for fdfkit-boot logs one event per manifest it is given, then "stack ok" when
// a, b and c all booted in some variant.
#ifndef FDFKIT_TESTS_MIGRATE_WAVES_FAKE_STACK_H_
#define FDFKIT_TESTS_MIGRATE_WAVES_FAKE_STACK_H_

#include <sys/types.h>

#include <string>

#include "migrate/waves/inputs.h"

namespace fdfkit::waves::testing {

inline constexpr char kInventory[] = R"({"schema": "fdfkit-inventory/1",
  "protocols": [{"id": "p"}],
  "drivers": [{"id": "a", "team": "t", "serves": ["p"]}, {"id": "b", "team": "t", "consumes": ["p"]},
              {"id": "c", "status": "ported"}],
  "edges": [{"from": "a", "to": "b", "protocol": "p"}],
  "boards": [{"id": "x", "gni": "boards/x.gni",
              "hosts": [{"id": "h", "drivers": ["a", "b"]}, {"id": "done", "drivers": ["c"]}],
              "labels": [
                {"driver": "a", "label": "//a", "ported_label": "//a:a-fidl", "list": "board_bootfs_labels", "file": "boards/x.gni", "line": 2},
                {"driver": "b", "label": "//b", "ported_label": "//b:b-fidl", "list": "board_bootfs_labels", "file": "boards/x.gni", "line": 3},
                {"driver": "c", "label": "//c", "ported_label": "//c:c-fidl", "list": "board_bootfs_labels", "file": "boards/x.gni", "line": 4}]}]})";

inline constexpr char kPlan[] = R"({"schema": "fdfkit-plan/1", "waves": [
  {"wave": 1, "actions": [{"kind": "clone", "protocol": "p"}, {"kind": "port", "driver": "a"}]},
  {"wave": 2, "actions": [{"kind": "port", "driver": "b"}, {"kind": "switch", "board": "x", "host": "h"},
                          {"kind": "delete_variant", "driver": "a"}, {"kind": "delete_variant", "driver": "b"},
                          {"kind": "delete_protocol", "protocol": "p"}]}]})";

// The same migration with the switch (wave 2) ahead of the delete_variants (wave 3), as
// migrate-plan may order them: between the two, the ported labels boot the dual variants.
inline constexpr char kLateDeletePlan[] = R"({"schema": "fdfkit-plan/1", "waves": [
  {"wave": 1, "actions": [{"kind": "clone", "protocol": "p"}, {"kind": "port", "driver": "a"}]},
  {"wave": 2, "actions": [{"kind": "port", "driver": "b"}, {"kind": "switch", "board": "x", "host": "h"}]},
  {"wave": 3, "actions": [{"kind": "delete_variant", "driver": "a"}, {"kind": "delete_variant", "driver": "b"},
                          {"kind": "delete_protocol", "protocol": "p"}]}]})";
inline constexpr char kLateDeleteUpdates[] = R"({"schema": "fdfkit-board-config/1", "tree": "tree",
  "waves": [{"wave": 2, "updates": [
    {"kind": "switch", "board": "x", "host": "h", "diff": "wave-02/switch-x_h.diff"}]}]})";

inline constexpr char kGni[] =
    "board_bootfs_labels = [\n  \"//a\",\n  \"//b\",\n  \"//c\",\n]\n";
inline constexpr char kSwitchedGni[] =
    "board_bootfs_labels = [\n  \"//a:a-fidl\",\n  \"//b:b-fidl\",\n  \"//c\",\n]\n";

inline constexpr char kSwitchDiff[] = R"(--- a/boards/x.gni
+++ b/boards/x.gni
@@ -1,5 +1,5 @@
 board_bootfs_labels = [
-  "//a",
-  "//b",
+  "//a:a-fidl",
+  "//b:b-fidl",
   "//c",
 ]
)";

inline constexpr char kConfig[] = R"({"schema": "fdfkit-waves-config/1",
  "boards": [{"id": "x", "gni": "boards/x.gni", "base": "x-board.json", "timeout_seconds": 20,
              "checks": [{"name": "stack works", "event": "^stack ok$"}]}],
  "drivers": {"a": {"source": "a/a.cc", "dual": "rewritten/dual/a.cc", "replace": "rewritten/replace/missing.cc"}}})";

// The stand-in for fdfkit-boot after its "#!/bin/sh" line, for tests that prepend to it.
extern const char kBootStubBody[];

// While alive, makes this process the reaper of orphaned descendants, so a killed grandchild is
// reaped here and its pid disappears (whatever PID 1 does with zombies).
class Subreaper {
 public:
  Subreaper();
  ~Subreaper();
  // Whether `pid` is gone (reaped: kill(pid, 0) fails with ESRCH), waiting at most 10 s.
  bool Gone(pid_t pid) const;
};

class FakeStack {
 public:
  FakeStack();   // writes everything into a new temporary folder
  ~FakeStack();  // removes it

  const std::string& root() const { return root_; }
  std::string Path(const std::string& relative) const { return root_ + "/" + relative; }
  void Write(const std::string& relative, const std::string& text) const;
  std::string Read(const std::string& relative) const;
  bool Exists(const std::string& relative) const;

  // The options of a run over this stack, writing to <root>/out.
  RunOptions Options() const;

 private:
  std::string root_;
};

}  // namespace fdfkit::waves::testing

#endif  // FDFKIT_TESTS_MIGRATE_WAVES_FAKE_STACK_H_
