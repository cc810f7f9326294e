// A header whose first #ifndef is a configuration switch, not its guard (code follows its
// #endif): the include inside it was seen in one configuration only.
#ifndef RADIO_WITHOUT_GPIO
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#endif

inline int Radios() { return 1; }
