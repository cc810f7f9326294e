// A driver header as Fuchsia writes them, with an include guard (after a #pragma once): the guard
// is no #if block, so what it wraps is rewritten; an #if inside it still is one.
#pragma once
#ifndef HEADER_FILTER_GUARDED_H_
#define HEADER_FILTER_GUARDED_H_

#include <lib/driver/component/cpp/driver_base.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

#ifndef GPIO_WITHOUT_SPI
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
#endif

class GuardedGpio : public fdf::DriverBase, public ddk::GpioImplProtocol<GuardedGpio> {
  // CHECK-FIXES: class GuardedGpio : public fdf::DriverBase, public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx::result<> Start() override;
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value);
  // CHECK-FIXES: void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override;

 private:
  uint8_t last_ = 0;
};

#endif  // HEADER_FILTER_GUARDED_H_
