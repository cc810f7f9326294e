// migrate-plan's table and the way its located diagnostics print.
#include <gtest/gtest.h>

#include <set>

#include "migrate/plan/diagnostics.h"

namespace fdfkit::plan {
namespace {

TEST(PlanDiagnostics, CodesCarryThePrefixAndNamesAreUnique) {
  std::set<std::string_view> names;
  for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) {
    EXPECT_EQ(info->Code().substr(0, 7), "FDFPLAN") << info->name;
    EXPECT_TRUE(names.insert(info->name).second) << info->name;
  }
  EXPECT_EQ(diag::kInvalidJson.info().Code(), "FDFPLAN010");
}

TEST(PlanDiagnostics, AJsonDiagnosticPrintsItsPath) {
  JsonDiagnostic at = AtPath("$.drivers[3].serves[0]", diag::kUnknownProtocol, "nope");
  EXPECT_EQ(at.Text(), "$.drivers[3].serves[0]: error: [FDFPLAN032] unknown protocol \"nope\"");
  EXPECT_EQ(at.message, "unknown protocol \"nope\"");
  JsonDiagnostic whole = AtPath("", diag::kMissingAction, "port d");
  EXPECT_EQ(whole.Text(), "error: [FDFPLAN051] missing: port d");
}

TEST(PlanDiagnostics, AFileDiagnosticPrintsWhatIsKnownOfItsPlace) {
  EXPECT_EQ(AtFile("d/BUILD.gn", 3, 7, diag::kExpectedToken, "]", "'}'").Text(),
            "d/BUILD.gn:3:7: error: [FDFPLAN102] expected ']', found '}'");
  EXPECT_EQ(AtFile("d/BUILD.gn", 3, 0, diag::kDuplicateComponentId, "d", "//e:e", "//d:d").Text(),
            "d/BUILD.gn:3: error: [FDFPLAN092] driver id \"d\" of //e:e is also the id of //d:d; give one a "
            "different component_name");
  EXPECT_EQ(AtFile("d/BUILD.gn", 0, 0, diag::kManifestUnreadable).Text(),
            "d/BUILD.gn: error: [FDFPLAN110] cannot read manifest");
  EXPECT_EQ(AtFile("", 0, 0, diag::kTreeNotADirectory, "t").Text(),
            "migrate-plan: error: [FDFPLAN090] t is not a directory");
}

TEST(PlanDiagnostics, AWarningIsAnUnresolvedFindingNamedUnderTheRoot) {
  FileDiagnostic f = AtFile("boards/b.gni", 2, 0, diag::kBoardLabelReachesNoDriver, "//x");
  EXPECT_EQ(f.Text(), "boards/b.gni:2: warning: [FDFPLAN133] unresolved: board label //x reaches no driver component");
  EXPECT_EQ(f.Text("src/tree"),
            "src/tree/boards/b.gni:2: warning: [FDFPLAN133] unresolved: board label //x reaches no driver component");
  // No file: the root has nothing to name.
  EXPECT_EQ(AtFile("", 0, 0, diag::kNoBoards, "t").Text("t"),
            "migrate-plan: error: [FDFPLAN091] no board .gni or board_configuration under t lists any driver");
}

}  // namespace
}  // namespace fdfkit::plan
