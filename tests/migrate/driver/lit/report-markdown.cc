// ARGS: --mode=dual
// REPORT: md
// The Markdown report, for the migration's pull request.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-REPORT: # migrate-driver report
// CHECK-REPORT: Mode `dual`; edits written; exit status 0.
// CHECK-REPORT: | file | edits | left for a human |
// CHECK-REPORT: | `{{.*}}report-markdown.cc` | 1 | 0 |
// CHECK-REPORT-NOT: Left for a human

int main() { return 0; }
