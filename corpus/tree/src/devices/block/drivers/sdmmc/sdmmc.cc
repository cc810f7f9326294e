#include "sdmmc.h"
