// ARGS: --header-filter=header_filter_client\.h$
// HEADER: header_filter_client.h
// --header-filter: a client member declared in a header the filter names is rewritten with the
// file that connects and calls it: its type in the header, the connection and calls here.
#include "header_filter_client.h"

Blinker::Blinker(zx_device_t* parent) : gpio_(parent) {}
// CHECK-FIXES: Blinker::Blinker(zx_device_t* parent) : gpio_([&]() -> fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {

zx_status_t Blinker::Blink(uint32_t pin) {
  zx_status_t status = gpio_.Write(pin, 1);
  // CHECK-FIXES: fdf::Arena arena('GPIO');
  // CHECK-FIXES: gpio_.buffer(arena)->Write(pin, 1);
  if (status != ZX_OK) return status;
  return gpio_.Write(pin, 0);
}

int main() { return 0; }
