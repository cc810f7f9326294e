#include "tests/migrate/waves/fake_stack.h"

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "support/read_file.h"

namespace fdfkit::waves::testing {

namespace fs = std::filesystem;

// The stand-in for fdfkit-boot: `boot BOARD.json --once`, events to $FDFKIT_DRIVER_EVENT_LOG.
const char kBootStubBody[] = R"(set -e
log="$FDFKIT_DRIVER_EVENT_LOG"
variants=$(grep -o '[a-z-]*\.cml' "$1" | sed 's/\.cml$//')
for v in $variants; do echo "booted $v" >> "$log"; done
echo "board $1"
case " $(echo $variants) " in
  *" a"*" b"*" c "*) echo "stack ok" >> "$log" ;;
esac
)";

Subreaper::Subreaper() { prctl(PR_SET_CHILD_SUBREAPER, 1); }

Subreaper::~Subreaper() { prctl(PR_SET_CHILD_SUBREAPER, 0); }

bool Subreaper::Gone(pid_t pid) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    waitpid(pid, nullptr, WNOHANG);  // reaps it once it is dead, if it was orphaned to us
    if (kill(pid, 0) != 0 && errno == ESRCH) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    poll(nullptr, 0, 10);  // re-check the state shortly; bounded by the deadline
  }
}

FakeStack::FakeStack() {
  std::string pattern = ::testing::TempDir() + "/waves-XXXXXX";
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
  root_ = pattern;
  Write("plan/inventory.json", kInventory);
  Write("plan/plan.json", kPlan);
  Write("plan/board-config/updates.json", R"({"schema": "fdfkit-board-config/1", "tree": "tree",
    "waves": [{"wave": 2, "updates": [
      {"kind": "switch", "board": "x", "host": "h", "diff": "wave-02/switch-x_h.diff"},
      {"kind": "delete_variant", "driver": "a", "files": [], "notes": []}]}]})");
  Write("plan/board-config/wave-02/switch-x_h.diff", kSwitchDiff);
  Write("tree/boards/x.gni", kGni);
  Write("tree/a/a.cc", "int a() { return banjo(); }\n");
  Write("build/rewritten/dual/a.cc", "int a() { return banjo() + transport(); }\n");
  Write("config.json", kConfig);
  for (const char* variant : {"a", "a-dual", "a-replace", "b", "b-dual", "b-replace", "c"}) {
    std::string v = variant;
    Write("build/drivers/" + v + "/" + v + ".cml", "{ program: { binary: \"driver/" + v + ".so\" } }\n");
    Write("build/drivers/" + v + "/driver/" + v + ".so", "");
  }
  Write("build/drivers/x-board.json", R"(// the base board
{
  name: "x",
  drivers: [ "a/a.cml", "b/b.cml", "c/c.cml", ],
  nodes: [ { name: "sys", properties: { "fuchsia.BIND_PROTOCOL": 0x53 } } ],
})");
  Write("boot.sh", std::string("#!/bin/sh\n") + kBootStubBody);
  chmod(Path("boot.sh").c_str(), 0755);
}

FakeStack::~FakeStack() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void FakeStack::Write(const std::string& relative, const std::string& text) const {
  fs::path path = Path(relative);
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string FakeStack::Read(const std::string& relative) const {
  return support::ReadFile(Path(relative)).value_or("<missing>");
}

bool FakeStack::Exists(const std::string& relative) const { return fs::exists(Path(relative)); }

RunOptions FakeStack::Options() const {
  RunOptions o;
  o.inventory = Path("plan/inventory.json");
  o.plan = Path("plan/plan.json");
  o.board_config = Path("plan/board-config");
  o.tree = Path("tree");
  o.config = Path("config.json");
  o.drivers = Path("build/drivers");
  o.boot = Path("boot.sh");
  o.out = Path("out");
  return o;
}

}  // namespace fdfkit::waves::testing
