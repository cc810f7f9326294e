#include "aml-ethernet.h"
