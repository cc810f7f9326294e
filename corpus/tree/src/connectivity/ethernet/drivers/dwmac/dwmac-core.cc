#include "dwmac-core.h"
