// Stand-in for the generated shims (which bring both the banjo and the driver bindings).
#pragma once
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
