// fdfkit-boot as a user runs it: listings after boot, a bad board refused with located errors and
// exit 1 (nothing started), and a serving board stopped cleanly by SIGTERM or SIGINT.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct BootRun {
  int exit_code = -1;
  std::string out, err;
};

// Runs `binary` with `args`, collecting its output; `while_serving` runs (once) when stderr says
// "fdfkit-boot: serving", then `signal_after` is sent.
BootRun RunProcess(const char* binary, std::vector<std::string> args, int signal_after = 0,
                   const std::function<void()>& while_serving = nullptr) {
  int out_pipe[2], err_pipe[2];
  EXPECT_EQ(pipe2(out_pipe, O_CLOEXEC), 0);
  EXPECT_EQ(pipe2(err_pipe, O_CLOEXEC), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  args.insert(args.begin(), binary);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, binary, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  BootRun run;
  bool signalled = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_pipes = 2;
  while (open_pipes > 0 && std::chrono::steady_clock::now() < deadline) {
    if (poll(fds, 2, 1000) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buffer[4096];
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        fds[i].fd = -1;
        --open_pipes;
        continue;
      }
      (i == 0 ? run.out : run.err).append(buffer, static_cast<size_t>(n));
    }
    if (signal_after && !signalled && run.err.find("fdfkit-boot: serving") != std::string::npos) {
      if (while_serving) while_serving();
      kill(pid, signal_after);
      signalled = true;
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

BootRun Boot(std::vector<std::string> args, int signal_after = 0,
             const std::function<void()>& while_serving = nullptr) {
  return RunProcess(FDFKIT_BOOT_BINARY, std::move(args), signal_after, while_serving);
}

TEST(FdfkitBootCli, FdfkitDriverListsARunningBoard) {
  std::string control = ::testing::TempDir() + "fdfkit-control-" + std::to_string(getpid());
  BootRun hosts, devices, drivers;
  BootRun run = Boot({EXAMPLE_BOARD, "--control", control}, SIGTERM, [&] {
    hosts = RunProcess(FDFKIT_DRIVER_BINARY, {"--control", control, "list-hosts"});
    devices = RunProcess(FDFKIT_DRIVER_BINARY, {"--control", control, "list-devices"});
    drivers = RunProcess(FDFKIT_DRIVER_BINARY, {"--control", control, "list"});
  });
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(hosts.exit_code, 0) << hosts.err;
  EXPECT_NE(hosts.out.find("    fuchsia-boot:///led-user#meta/led-user.cm (root.sys.leds.led)\n"),
            std::string::npos)
      << hosts.out;
  EXPECT_EQ(devices.out.substr(0, 31), "root\nroot.sys\nroot.sys.soc\nroot");
  EXPECT_NE(drivers.out.find("fuchsia-boot:///soc#meta/soc.cm bound to 1 node\n"), std::string::npos);
  // Once the board has stopped, nothing answers.
  BootRun after = RunProcess(FDFKIT_DRIVER_BINARY, {"--control", control, "list"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_NE(after.err.find("no board is serving at " + control), std::string::npos);
}

TEST(FdfkitBootCli, BootsListsAndStops) {
  BootRun run = Boot({EXAMPLE_BOARD, "--list", "hosts", "--list", "drivers", "--once"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Driver Host: 1 (pid "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("    fuchsia-boot:///soc#meta/soc.cm (root.sys.soc)\n"), std::string::npos);
  EXPECT_NE(run.out.find("fuchsia-boot:///imu#meta/imu.cm [composite imu] [colocate] bound to 1 node\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.err.find("fdfkit-boot: stopped"), std::string::npos);
}

TEST(FdfkitBootCli, ABadBoardIsRefusedWithEveryProblemAndNothingStarts) {
  BootRun run = Boot({FDFKIT_BAD_DIR "/fdfdrv032.boot/board.json", "--once"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("error: [FDFDRV032] two drivers are named fuchsia-boot:///a#meta/a.cm"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("starting"), std::string::npos);
  EXPECT_EQ(Boot({"/nonexistent/board.json"}).exit_code, 1);
  EXPECT_EQ(Boot({"--no-such-flag"}).exit_code, 2);
}

TEST(FdfkitBootCli, SigtermAndSigintStopEveryDriverCleanly) {
  std::string log = ::testing::TempDir() + "fdfkit-cli-events-" + std::to_string(getpid());
  setenv("FDFKIT_DRIVER_EVENT_LOG", log.c_str(), 1);  // inherited by fdfkit-boot and its hosts
  for (int signal : {SIGTERM, SIGINT}) {
    unlink(log.c_str());
    BootRun run = Boot({EXAMPLE_BOARD}, signal);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::ifstream in(log);
    std::string events((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* driver : {"soc", "clock-consumer", "thermal-monitor", "imu", "banjo-leds"}) {
      EXPECT_NE(events.find("\n" + std::string(driver) + " stop"), std::string::npos)
          << driver << " was not stopped:\n" << events;
    }
    EXPECT_LT(events.find("clock-consumer stop"), events.find("soc prepare_stop"));
    EXPECT_NE(run.err.find(signal == SIGTERM ? "SIGTERM: stopping" : "SIGINT: stopping"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("fdfkit-boot: stopped"), std::string::npos);
  }
  unsetenv("FDFKIT_DRIVER_EVENT_LOG");
  unlink(log.c_str());
}

TEST(FdfkitBootCli, ASecondBoardDoesNotTakeTheFirstOnesControlSocket) {
  std::string control = ::testing::TempDir() + "fdfkit-control-twice-" + std::to_string(getpid());
  BootRun second;
  BootRun first = Boot({EXAMPLE_BOARD, "--control", control}, SIGTERM, [&] {
    second = Boot({EXAMPLE_BOARD, "--control", control}, SIGTERM);
  });
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_NE(second.err.find("cannot listen at " + control + " (another board serves there)"),
            std::string::npos)
      << second.err;
}

}  // namespace
