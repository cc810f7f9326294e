#include "brcmfmac.h"
