#include "aml-i2c.h"
