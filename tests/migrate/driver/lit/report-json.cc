// EXIT: 1
// REPORT: json
// The JSON report lists each file's edits and what was left for a human, with why.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#if 1
#include <ddktl/protocol/gpioimpl.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV041]
#endif
// CHECK-REPORT: "schema": "fdfkit-migrate-driver-report/1",
// CHECK-REPORT-NEXT: "mode": "replace",
// CHECK-REPORT-NEXT: "written": true,
// CHECK-REPORT-NEXT: "exit_status": 1,
// CHECK-REPORT: "file": "{{.*}}report-json.cc",
// CHECK-REPORT-NEXT: "edits": 1,
// CHECK-REPORT: "line": 6,
// CHECK-REPORT-NEXT: "column": 1,
// CHECK-REPORT-NEXT: "code": "FDFDRV041",
// CHECK-REPORT-NEXT: "why": "the include of ddktl/protocol/gpioimpl.h is inside #if
// CHECK-REPORT: "errors": []

int main() { return 0; }
