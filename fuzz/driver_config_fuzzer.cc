// Fuzzes what the driver framework reads from files people write: the JSON5 reader, driver
// manifests and board files. Diagnostics are the expected outcome; a crash, an uncaught exception
// (a malformed JSON pointer, a type error), a sanitizer report or a hang is a bug.
#include <string>

#include "runtime/driver/config/board_file.h"
#include "runtime/driver/config/driver_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  fdfkit::support::SourceFile manifest("fuzz/meta/driver.cml", text);
  fdfkit::support::SourceFile board("fuzz/board.json", text);
  fdfkit::driver::Diagnostics diagnostics;
  (void)fdfkit::driver::ReadDriverManifest(manifest, &diagnostics);
  (void)fdfkit::driver::ReadBoard(board, &diagnostics);
  (void)diagnostics.Text();
  return 0;
}
