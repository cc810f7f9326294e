// The fixture of the manager's whole-board tests: boots a board with real driver host processes
// and reads what happened from the manager (hosts, pids, nodes) and from the drivers' event log
// (FDFKIT_DRIVER_EVENT_LOG, one line per event, appended by every host process).
#ifndef FDFKIT_TESTS_RUNTIME_DRIVER_MANAGER_BOARD_FIXTURE_H_
#define FDFKIT_TESTS_RUNTIME_DRIVER_MANAGER_BOARD_FIXTURE_H_

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "runtime/driver/boot/booted_system.h"
#include "runtime/driver/config/board_loader.h"

namespace fdfkit::driver {

class BoardTest : public ::testing::Test {
 protected:
  // The board (built into the build tree) this suite boots.
  virtual std::string BoardPath() const = 0;

  void SetUp() override {
    // A parameterized test's name has a '/' ("Name/0"): not a directory.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    log_path_ = ::testing::TempDir() + "fdfkit-events-" + std::to_string(getpid()) + "-" + name;
    unlink(log_path_.c_str());
    setenv("FDFKIT_DRIVER_EVENT_LOG", log_path_.c_str(), 1);
    Diagnostics diagnostics;
    std::optional<LoadedBoard> board = LoadBoard(BoardPath(), &diagnostics);
    ASSERT_TRUE(board) << diagnostics.Text();
    zx::result system = BootedSystem::Start(std::move(*board), {FDFKIT_HOST_BINARY});
    ASSERT_TRUE(system.is_ok()) << system.status_string();
    system_ = std::move(*system);
    // A driver that never finishes stopping (the probe board has one) costs half a second, not
    // the default ten.
    system_->WithManager([](Manager& m) { m.set_stop_timeout(zx::msec(500)); });
    ASSERT_TRUE(system_->WaitUntilSettled());
  }
  void TearDown() override {
    system_.reset();
    unsetenv("FDFKIT_DRIVER_EVENT_LOG");
    unlink(log_path_.c_str());
  }

  std::vector<std::string> Events() const {
    std::ifstream in(log_path_);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  // The event without its pid, and the pid, for the first line starting with `prefix`.
  std::pair<std::string, std::string> Find(const std::string& prefix) const {
    for (const std::string& line : Events()) {
      if (line.rfind(prefix, 0) == 0) {
        size_t at = line.rfind(" pid=");
        return {line.substr(0, at), line.substr(at + 5)};
      }
    }
    return {"", ""};
  }
  // Waits (bounded) until a line starting with `prefix` is in the event log: the hosts append to
  // it, and inotify says when, so nothing polls.
  bool WaitForEvent(const std::string& prefix,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    int watch = inotify_init1(IN_CLOEXEC);
    std::string dir = log_path_.substr(0, log_path_.rfind('/'));
    inotify_add_watch(watch, dir.c_str(), IN_MODIFY | IN_CREATE | IN_CLOSE_WRITE);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    bool found = false;
    while (!(found = IndexOf(prefix) != SIZE_MAX)) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd ready{watch, POLLIN, 0};
      if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
      char events[4096];
      (void)!read(watch, events, sizeof events);  // drained; the log is read again above
    }
    close(watch);
    return found;
  }
  // Waits (bounded) until `holds` is true of the settled manager.
  bool WaitForManager(const std::function<bool(Manager&)>& holds) {
    return system_->WaitUntil(holds, std::chrono::seconds(10));
  }
  size_t IndexOf(const std::string& prefix) const {
    std::vector<std::string> lines = Events();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind(prefix, 0) == 0) return i;
    }
    return SIZE_MAX;
  }
  template <typename T>
  T Ask(const std::function<T(Manager&)>& question) {
    T answer{};
    system_->WithManager([&](Manager& manager) { answer = question(manager); });
    return answer;
  }

  std::string log_path_;
  std::unique_ptr<BootedSystem> system_;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_TESTS_RUNTIME_DRIVER_MANAGER_BOARD_FIXTURE_H_
