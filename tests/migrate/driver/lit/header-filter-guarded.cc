// ARGS: --header-filter=header_filter_guarded\.h$
// HEADER: header_filter_guarded.h
// MAPPING: fuchsia.hardware.gpioimpl
// MAPPING: fuchsia.hardware.spiimpl
// EXIT: 1
// --header-filter on a header with an include guard: the server it declares is rewritten with
// the file that defines its methods; the include inside its own #ifdef is left, said there.
#include "header_filter_guarded.h"
// CHECK-MESSAGES: header_filter_guarded.h:12:1: warning: [FDFDRV041] {{.*}}

zx::result<> GuardedGpio::Start() {
  // CHECK-FIXES: zx::result<> GuardedGpio::Start() {
  // CHECK-FIXES-NEXT: if (zx::result<> added = outgoing()->AddService<fuchsia_hardware_gpioimpl::Service>(
  return zx::result<>(0);
}

zx_status_t GuardedGpio::GpioImplWrite(uint32_t index, uint8_t value) {
  // CHECK-FIXES: void GuardedGpio::Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) {
  last_ = value;
  return ZX_OK;
}

int main() { return 0; }
