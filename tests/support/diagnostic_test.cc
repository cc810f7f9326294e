#include "support/diagnostic.h"

#include <gtest/gtest.h>

namespace fdfkit::support {
namespace {

namespace sample {
#define FDFKIT_DIAGNOSTIC_PREFIX "SAMPLE"
#define FDFKIT_DIAGNOSTIC_TABLE "tests/support/sample_diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace sample

TEST(DiagnosticTest, ArgumentsFillTheHolesInOrder) {
  Diagnostic d = Make(sample::kGreeting, "driver", 7);
  EXPECT_EQ(d.message, "hello, driver: you are 7 years old");
  EXPECT_EQ(d.Text(), "error: [SAMPLE001] hello, driver: you are 7 years old");
  EXPECT_TRUE(d.is_error());
  EXPECT_FALSE(Make(sample::kHint).is_error());
  EXPECT_EQ(Make(sample::kHint).Text(), "warning: [SAMPLE002] just a hint");
}

TEST(DiagnosticTest, TheTableListsEveryRowOnceInOrder) {
  ASSERT_EQ(std::size(sample::kAllDiagnostics), 3u);
  EXPECT_EQ(sample::kAllDiagnostics[0], &sample::kGreeting.info());
  EXPECT_EQ(sample::kAllDiagnostics[2]->severity, Severity::kRetired);
  EXPECT_EQ(sample::kAllDiagnostics[2]->Code(), "SAMPLE003");
  EXPECT_EQ(sample::kRetiredOldNews.info().name, "OldNews");
}

TEST(DiagnosticTest, BracesWithoutAnArgumentStayAsWritten) {
  EXPECT_EQ(FormatMessage("a {} b {}", {"x"}), "a x b {}");
  EXPECT_EQ(FormatMessage("{x}", {}), "{x}");
}

}  // namespace
}  // namespace fdfkit::support
