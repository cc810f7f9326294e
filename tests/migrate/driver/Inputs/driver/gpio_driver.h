// A driver header that brings the banjo header in: the .cc given to migrate-driver does not
// include it itself.
#pragma once
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
