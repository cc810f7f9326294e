// Sources and located diagnostics: positions, the caret line, and diagnostics about no file.
#include <gtest/gtest.h>

#include "support/located_diagnostics.h"

namespace fdfkit::support {
namespace {

namespace sample {
#define FDFKIT_DIAGNOSTIC_PREFIX "SAMPLE"
#define FDFKIT_DIAGNOSTIC_TABLE "tests/support/sample_diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace sample

TEST(SourceFile, OffsetsBecomeOneBasedLinesAndColumns) {
  SourceFile file("f.txt", "ab\n\ncd");
  EXPECT_EQ(file.Locate(0).line, 1);
  EXPECT_EQ(file.Locate(1).column, 2);
  EXPECT_EQ(file.Locate(3).line, 2);
  EXPECT_EQ(file.Locate(5).line, 3);
  EXPECT_EQ(file.Locate(5).column, 2);
  EXPECT_EQ(file.Locate(99).column, 3);  // past the end: the end
  EXPECT_EQ(file.Line(3), "cd");
  EXPECT_EQ(file.Line(4), "");
  EXPECT_EQ(file.Where(4), "f.txt:3:1");
}

TEST(LocatedDiagnostics, TheCaretKeepsTabsSoItLinesUp) {
  SourceFile file("f.txt", "x\n\tkey = 1;\n");
  Diagnostics diagnostics("tool");
  diagnostics.Report(sample::kGreeting, file, 7, "you", 3);
  EXPECT_EQ(diagnostics.Text(),
            "f.txt:2:6: error: [SAMPLE001] hello, you: you are 3 years old\n\tkey = 1;\n\t    ^\n");
  EXPECT_EQ(diagnostics.error_count(), 1u);
}

TEST(LocatedDiagnostics, WithoutAFileTheToolIsNamedAndWarningsAreNotErrors) {
  Diagnostics diagnostics("tool");
  diagnostics.ReportFile(sample::kHint, "");
  diagnostics.ReportFile(sample::kHint, "board.json");
  EXPECT_EQ(diagnostics.Summary(),
            "tool: warning: [SAMPLE002] just a hint\nboard.json: warning: [SAMPLE002] just a hint\n");
  EXPECT_FALSE(diagnostics.has_errors());
}

}  // namespace
}  // namespace fdfkit::support
