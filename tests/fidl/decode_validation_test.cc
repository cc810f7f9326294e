#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
