// Drives an I2C controller through one fixed sequence of calls and says what it answered, one
// line per call: the original banjo controller through its ops table
// (banjo_i2c_controller_harness.cc), and migrate-driver's rewrite of it over the driver transport
// (fidl_i2c_controller_harness.cc), whose reads come back in the reply rather than in place.
#ifndef FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_I2C_CONTROLLER_HARNESS_H_
#define FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_I2C_CONTROLLER_HARNESS_H_

#include <lib/fdf/dispatcher.h>
#include <zircon/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fdfkit::testing {

// "buses 0 1", "max_transfer ZX_OK 16", "transact 0 ZX_OK read 1:3a3b", ...
using I2cTranscript = std::vector<std::string>;

// One op of a transaction: the bytes written, or how many are read.
struct I2cStep {
  bool is_read;
  std::vector<uint8_t> write;
  size_t read_size = 0;
};
struct I2cTransaction {
  uint32_t bus_id;
  std::vector<I2cStep> ops;
};
// The transactions run, in order: writes, a write then reads, a bus that does not exist, none.
extern const std::vector<I2cTransaction> kI2cTransactions;

I2cTranscript RunBanjoI2cController();
I2cTranscript RunFidlI2cController(fdf_dispatcher_t* controller_dispatcher);

// "transact <bus> <status>", then with ZX_OK " read <op>:<hex bytes>" per read op.
std::string TransactLine(uint32_t bus_id, zx_status_t status,
                         const std::vector<std::vector<uint8_t>>& reads);

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_MIGRATE_DRIVER_BEHAVIOUR_I2C_CONTROLLER_HARNESS_H_
