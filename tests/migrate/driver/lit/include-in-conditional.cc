// EXIT: 1
// An include inside #if is left alone and reported: the branch not taken was never seen.
#ifdef USE_BANJO_GPIO
#include <vector>
#endif
#if 1
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV041] the include of fuchsia/hardware/gpioimpl/cpp/banjo.h is inside #if
// CHECK-FIXES: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#endif

int main() { return 0; }
