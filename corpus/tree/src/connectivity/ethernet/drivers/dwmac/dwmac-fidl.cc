#include "dwmac-core.h"
// incoming()->Connect<fuchsia_hardware_ethernet_board::Service::Device>()
