#include "aml-sdmmc.h"
