// CheckBoardDiff: the headers a board-config diff may have, and hunk lines that look like them.
#include "migrate/waves/diff_headers.h"

#include <gtest/gtest.h>

#include "tests/migrate/waves/fake_stack.h"

namespace fdfkit::waves {
namespace {

std::vector<std::string> Problems(const std::string& diff) {
  testing::FakeStack stack;
  std::vector<std::string> texts;
  for (const InputDiagnostic& d : CheckBoardDiff("d.diff", diff, stack.Path("tree"))) {
    texts.push_back(d.Text());
  }
  return texts;
}

TEST(DiffHeaders, MigratePlansDiffPasses) {
  EXPECT_EQ(Problems(testing::kSwitchDiff), std::vector<std::string>{});
}

TEST(DiffHeaders, EachProblemNamesItsLine) {
  EXPECT_EQ(Problems("--- /etc/passwd\n+++ /etc/passwd\n"),
            (std::vector<std::string>{
                "d.diff: line 1: error: [FDFWAVE034] not a board-config diff migrate-plan writes: "
                "expected \"--- a/<path>\"",
                "d.diff: line 2: error: [FDFWAVE034] not a board-config diff migrate-plan writes: "
                "expected \"+++ b/<path>\""}));
  EXPECT_EQ(Problems("--- a/boards/x.gni\n+++ b/boards/z.gni\n").size(), 1u);
  EXPECT_EQ(Problems("").size(), 1u);  // names no file
  EXPECT_EQ(Problems("--- a/boards/x.gni\n+++ b/boards/x.gni\n@@ -1 +1 @@\n-a\n+b\nstray\n").size(), 1u);
}

}  // namespace
}  // namespace fdfkit::waves
