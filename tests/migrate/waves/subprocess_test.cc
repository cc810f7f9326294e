// RunProcess's environment handling: added variables override, malformed ones are ignored.
#include "migrate/waves/subprocess.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "support/read_file.h"

namespace fdfkit::waves {
namespace {

TEST(Subprocess, AnEntryWithoutEqualsKeepsTheEnvironment) {
  setenv("WAVES_TEST_KEPT", "kept", 1);
  setenv("WAVES_TEST_OVERRIDDEN", "old", 1);
  ProcessRun run;
  run.argv = {"/bin/sh", "-c", "echo \"$WAVES_TEST_KEPT $WAVES_TEST_OVERRIDDEN\""};
  run.extra_env = {"NOEQUALS", "WAVES_TEST_OVERRIDDEN=new", "=empty-name"};
  run.output = ::testing::TempDir() + "/subprocess-env.out";
  run.timeout_seconds = 20;
  ProcessResult result = RunProcess(run);
  ASSERT_TRUE(result.succeeded()) << result.Describe(run.timeout_seconds);
  EXPECT_EQ(support::ReadFile(run.output).value_or(""), "kept new\n");
}

TEST(Subprocess, ExitCodesAndSignals) {
  ProcessRun run;
  run.output = ::testing::TempDir() + "/subprocess-exit.out";
  run.argv = {"/bin/sh", "-c", "exit 7"};
  EXPECT_EQ(RunProcess(run).exit_code, 7);
  run.argv = {"/bin/sh", "-c", "kill -9 $$"};
  ProcessResult killed = RunProcess(run);
  EXPECT_EQ(killed.signal, 9);
  EXPECT_EQ(killed.Describe(60), "killed by signal 9");
}

}  // namespace
}  // namespace fdfkit::waves
