// The compiler: every construct of the language compiles to the code it should, and every error
// points at its place. (One bad example per diagnostic lives in bad/; these check exact text.)
#include <gtest/gtest.h>

#include "tests/runtime/driver/bind/bind_test_support.h"

namespace fdfkit::bind::testing {
namespace {

TEST(BindCompiler, ConditionsBecomeAbortUnlessAndEndInMatch) {
  Compilation c(R"(using fuchsia.example;
fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.DEVICE;
fuchsia.example.NAME != "second";
fuchsia.example.Mode == fuchsia.example.Mode.FAST;
fuchsia.example.FLAG == true;
fuchsia.BIND_PLATFORM_DEV_VID == 0x05;
)", {kExampleLibrary});
  EXPECT_EQ(c.Listing(), R"(node "" (primary)
  0: abort unless fuchsia.BIND_PROTOCOL == 10
  1: abort unless fuchsia.example.NAME != "second"
  2: abort unless fuchsia.example.Mode == fuchsia.example.Mode.FAST
  3: abort unless fuchsia.example.FLAG == true
  4: abort unless fuchsia.BIND_PLATFORM_DEV_VID == 5
  5: match
)");
  EXPECT_EQ(c.diagnostics.Summary(), "");
}

TEST(BindCompiler, AcceptIsOneConditionOverASet) {
  Compilation c(R"(using fuchsia.example as ex;
accept fuchsia.BIND_PROTOCOL { ex.BIND_PROTOCOL.DEVICE, ex.BIND_PROTOCOL.IMPL, 3, };
)", {kExampleLibrary});
  EXPECT_EQ(c.Listing(), R"(node "" (primary)
  0: abort unless fuchsia.BIND_PROTOCOL in {10, 11, 3}
  1: match
)");
}

TEST(BindCompiler, IfElseChainsJumpPastEachBranch) {
  Compilation c(R"(using fuchsia.example;
fuchsia.example.FLAG == true;
if fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.DEVICE {
  fuchsia.BIND_PLATFORM_DEV_VID == 1;
} else if fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.IMPL {
  true;
} else {
  false;
}
)", {kExampleLibrary});
  EXPECT_EQ(c.Listing(), R"(node "" (primary)
  0: abort unless fuchsia.example.FLAG == true
  1: jump unless fuchsia.BIND_PROTOCOL == 10 to 4
  2: abort unless fuchsia.BIND_PLATFORM_DEV_VID == 1
  3: match
  4: jump unless fuchsia.BIND_PROTOCOL == 11 to 6
  5: match
  6: abort
)");
}

TEST(BindCompiler, CompositeNodesComeOutPrimaryFirst) {
  Compilation c(R"(composite pair;
using fuchsia.example;
optional node "extra" {
  fuchsia.example.FLAG == true;
}
node "clock" {
  fuchsia.BIND_CLOCK_ID == 3;
}
primary node "pdev" {
  fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.DEVICE;
}
)", {kExampleLibrary});
  EXPECT_EQ(c.Listing(), R"(composite pair
node "pdev" (primary)
  0: abort unless fuchsia.BIND_PROTOCOL == 10
  1: match
node "extra" (optional)
  0: abort unless fuchsia.example.FLAG == true
  1: match
node "clock" (additional)
  0: abort unless fuchsia.BIND_CLOCK_ID == 3
  1: match
)");
}

TEST(BindCompiler, LibrariesExtendEachOthersKeysThroughUsing) {
  const char* base = "library fuchsia.base;\nuint PIN;\n";
  const char* board = "library fuchsia.board;\nusing fuchsia.base;\nextend uint fuchsia.base.PIN { LED = 7 };\n";
  Compilation c("using fuchsia.board;\nusing fuchsia.base;\nfuchsia.base.PIN == fuchsia.board.PIN.LED;\n",
                {board, base});
  EXPECT_EQ(c.Listing(), "node \"\" (primary)\n  0: abort unless fuchsia.base.PIN == 7\n  1: match\n");
}

TEST(BindCompiler, ErrorsNameFileLineAndColumnWithACaret) {
  Compilation c("using fuchsia.example;\nfuchsia.example.NAME == 3;\n", {kExampleLibrary});
  ASSERT_FALSE(c.compiled);
  EXPECT_EQ(c.diagnostics.Text(),
            "rules.bind:2:25: error: [FDFBIND025] key 'fuchsia.example.NAME' holds string values; 3 "
            "is a uint\nfuchsia.example.NAME == 3;\n                        ^\n");
}

TEST(BindCompiler, ShapeErrorsAreAllReportedInOneRun) {
  Compilation c(R"(if fuchsia.BIND_PROTOCOL == 1 {
  true;
  fuchsia.BIND_PCI_VID == 2;
}
fuchsia.BIND_PCI_DID == 3;
)", {});
  EXPECT_EQ(c.diagnostics.Summary(),
            "rules.bind:2:3: error: [FDFBIND013] 'true' must be the only statement of its block\n"
            "rules.bind:1:1: error: [FDFBIND010] an 'if' needs an 'else' branch\n"
            "rules.bind:5:1: error: [FDFBIND011] an 'if' must be the last statement of its block; "
            "move this statement before it\n");
}

TEST(BindCompiler, AnUnknownImportIsReportedOnceNotAtEveryUse) {
  Compilation c("using fuchsia.gone;\nfuchsia.BIND_PROTOCOL == fuchsia.gone.BIND_PROTOCOL.X;\n"
                "fuchsia.gone.KEY == 1;\n", {});
  EXPECT_EQ(c.diagnostics.Summary(),
            "rules.bind:1:7: error: [FDFBIND020] bind library 'fuchsia.gone' is not known; pass its "
            "file with --include\n");
}

TEST(BindCompiler, AnAliasHidesTheFullNameAndALibraryMustBeImported) {
  Compilation aliased("using fuchsia.example as ex;\nfuchsia.example.FLAG == true;\n", {kExampleLibrary});
  EXPECT_EQ(aliased.diagnostics.Summary(),
            "rules.bind:2:1: error: [FDFBIND026] 'fuchsia.example.FLAG' is in library "
            "'fuchsia.example'; add 'using fuchsia.example;'\n");
}

TEST(BindCompiler, ValuesOfEveryTypeAreCheckedAgainstTheirKey) {
  Compilation c(R"(using fuchsia.example;
fuchsia.example.Mode == "FAST";
fuchsia.example.FLAG == 1;
fuchsia.BIND_PROTOCOL == fuchsia.example.NAME.FIRST;
)", {kExampleLibrary});
  EXPECT_EQ(c.diagnostics.Summary(),
            "rules.bind:2:25: error: [FDFBIND025] key 'fuchsia.example.Mode' holds enum values; "
            "\"FAST\" is a string\n"
            "rules.bind:3:25: error: [FDFBIND025] key 'fuchsia.example.FLAG' holds bool values; 1 is "
            "a uint\n"
            "rules.bind:4:26: error: [FDFBIND025] key 'fuchsia.BIND_PROTOCOL' holds uint values; "
            "fuchsia.example.NAME.FIRST is a string value\n");
}

TEST(BindCompiler, ACompositeHeaderMayFollowTheUsings) {
  Compilation c("using fuchsia.example;\ncomposite c;\nprimary node \"p\" {\n  true;\n}\n",
                {kExampleLibrary});
  EXPECT_EQ(c.Listing(), "composite c\nnode \"p\" (primary)\n  0: match\n");
}

TEST(BindCompiler, ADualBindingAcceptsEitherParent) {
  // The gpio core's shape while a migration is in flight: a driver-transport parent or a banjo one.
  Compilation gpio(R"(using fuchsia.example;
if fuchsia.example.NAME == fuchsia.example.NAME.FIRST {
  true;
} else {
  fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.IMPL;
}
)", {kExampleLibrary});
  EXPECT_EQ(gpio.Listing(), R"(node "" (primary)
  0: jump unless fuchsia.example.NAME == "first" to 2
  1: match
  2: abort unless fuchsia.BIND_PROTOCOL == 11
  3: match
)");
}

}  // namespace
}  // namespace fdfkit::bind::testing
