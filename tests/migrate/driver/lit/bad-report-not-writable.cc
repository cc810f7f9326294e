// EXIT: 2
// ARGS: --report /nonexistent-directory/report.json
// The report is written before any file: when it cannot be, no file is rewritten either.
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV004] cannot write /nonexistent-directory/report.json
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

int main() { return 0; }
