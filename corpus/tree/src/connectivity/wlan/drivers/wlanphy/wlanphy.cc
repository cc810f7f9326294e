#include "wlanphy.h"
