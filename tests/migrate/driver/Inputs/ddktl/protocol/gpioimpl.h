// Stand-in for the older ddktl spelling of the banjo C++ header of fuchsia.hardware.gpioimpl.
#pragma once
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
