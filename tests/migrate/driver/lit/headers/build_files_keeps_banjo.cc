// The other source of build-files-two-sources.cc's directory: it still uses a banjo macro.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
uint32_t HighPolarity() { return GPIO_POLARITY_HIGH; }
