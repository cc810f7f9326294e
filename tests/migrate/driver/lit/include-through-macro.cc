// EXIT: 1
// An include whose name comes from a macro is left alone and reported.
#define GPIO_BANJO_HEADER <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include GPIO_BANJO_HEADER
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV040] the include of fuchsia/hardware/gpioimpl/cpp/banjo.h is written through a macro
// CHECK-FIXES: #include GPIO_BANJO_HEADER

int main() { return 0; }
