// ARGS: --header-filter=header_filter_not_a_guard\.h$
// HEADER: header_filter_not_a_guard.h
// EXIT: 1
// --header-filter: a header's first #ifndef is its include guard only if its #endif ends the
// file; this one is a switch, and the include inside it is left, said there.
#include "header_filter_not_a_guard.h"
// CHECK-MESSAGES: header_filter_not_a_guard.h:4:1: warning: [FDFDRV041] {{.*}}

int main() { return Radios() == 1 ? 0 : 1; }
