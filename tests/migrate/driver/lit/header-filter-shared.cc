// ARGS: --header-filter=header_filter_shared(_plain)?\.h$
// HEADER: header_filter_shared.h
// HEADER: header_filter_shared_plain.h
// ALSO-SOURCE: header_filter_shared_other.cc
// EXIT: 1
// --header-filter: a header that several given files include is left as it is, said once at its
// banjo include (its rewrite would be decided by each alone); what is declared there stays banjo,
// with its calls. One without banjo is not worth a word.
#include "header_filter_shared.h"
#include "header_filter_shared_plain.h"
// CHECK-MESSAGES: :[[@LINE+6]]:20: warning: [FDFDRV061] pins.gpio.Write(...): the client is declared in ./header_filter_shared.h, which is not being rewritten: the call is not rewritten
// CHECK-MESSAGES: header_filter_shared.h:3:1: warning: [FDFDRV068] this header matches --header-filter and includes banjo, but 2 of the files given include it (header-filter-shared.cc, header_filter_shared_other.cc): not rewritten, since each would decide its rewrite alone; what it declares stays banjo with its uses (port it by hand)

int Toggle(SharedPins& pins) {
  // CHECK-FIXES: int Toggle(SharedPins& pins) {
  // CHECK-FIXES-NEXT: return pins.gpio.Write(0, 1) == ZX_OK ? 0 : 1;
  return pins.gpio.Write(0, 1) == ZX_OK ? 0 : 1;
}

int main() { SharedPins pins; return Toggle(pins); }
