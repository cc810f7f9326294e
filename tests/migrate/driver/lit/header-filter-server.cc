// ARGS: --header-filter=header_filter_server\.h$
// HEADER: header_filter_server.h
// --header-filter: a server whose class is declared in a header the filter names is rewritten
// with the file that defines its methods — the base, the declarations and the binding group in
// the header (its CHECK-FIXES), the definitions and the publication here.
#include "header_filter_server.h"

zx::result<> GpioDriver::Start() {
  // CHECK-FIXES: zx::result<> GpioDriver::Start() {
  // CHECK-FIXES-NEXT: if (zx::result<> added = outgoing()->AddService<fuchsia_hardware_gpioimpl::Service>(
  return zx::result<>(0);
}

zx_status_t GpioDriver::GpioImplWrite(uint32_t index, uint8_t value) {
  // CHECK-FIXES: void GpioDriver::Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) {
  last_ = value;
  // CHECK-FIXES-NEXT: last_ = request->value;
  return ZX_OK;
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess();
}

int main() { return 0; }
