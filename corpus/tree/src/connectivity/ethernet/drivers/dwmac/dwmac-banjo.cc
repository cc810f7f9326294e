#include "dwmac-banjo.h"
