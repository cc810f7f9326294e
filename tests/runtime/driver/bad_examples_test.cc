// One bad input per FDFDRV diagnostic: tests/runtime/driver/bad/fdfdrvNNN.cml is read as a driver
// manifest, fdfdrvNNN.board.json as a board file, and a directory fdfdrvNNN.boot/ holding a
// board.json (and the packages it names) is loaded as fdfkit-boot loads a board; each must report
// its row and no other error.
#include <gtest/gtest.h>

#include <filesystem>

#include "runtime/driver/config/board_loader.h"
#include "runtime/driver/config/board_file.h"
#include "runtime/driver/config/driver_manifest.h"
#include "tests/support/diagnostic_examples.h"

namespace fdfkit::driver {
namespace {

namespace fs = std::filesystem;

fdfkit::testing::ExampleOutcome ReadExample(const fs::path& example) {
  fdfkit::testing::ExampleOutcome outcome;
  Diagnostics diagnostics("fdfkit-boot");
  std::string why;
  std::unique_ptr<SourceFile> file = SourceFile::Read(example.string(), &why);
  if (example.extension() == ".boot") {
    LoadBoard((example / "board.json").string(), &diagnostics);
  } else if (!file) {
    diagnostics.ReportFile(diag::kCannotReadFile, example.string(), example.string(), why);
  } else if (example.string().ends_with(".board.json")) {
    ReadBoard(*file, &diagnostics);
  } else {
    ReadDriverManifest(*file, &diagnostics);
  }
  for (const support::LocatedDiagnostic& d : diagnostics.all()) outcome.Add(*d.info, d.Text());
  return outcome;
}

TEST(DriverBadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  fdfkit::testing::ExpectOneExamplePerRow(
      diag::kAllDiagnostics,
      fdfkit::testing::FindExamples(fs::path(FDFKIT_SOURCE_DIR) / "tests/runtime/driver/bad",
                                    "FDFDRV"),
      ReadExample);
}

}  // namespace
}  // namespace fdfkit::driver
