// EXIT: 1
// --mode=replace: a banjo server becomes an fdf::WireServer. In-parameters are read from the
// request, out-parameters written to locals the reply carries, each return replies; an open
// protocol gets its unknown-method handler, the class a binding group. Without a DFv2 Start to
// publish it in, publishing is left for a human, said at the class.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line 43, column 25)
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio : public ddk::GpioImplProtocol<Gpio, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Gpio now serves GpioImpl as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_gpioimpl::Service> with a handler from its binding group
  // CHECK-FIXES: class Gpio : public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags) {
    // CHECK-FIXES: void ConfigIn(ConfigInRequestView request, fdf::Arena& arena, ConfigInCompleter::Sync& completer) override {
    if (index >= kPins) return ZX_ERR_INTERNAL;
    // CHECK-FIXES-NEXT: if (request->index >= kPins) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(ZX_ERR_INTERNAL);
    // CHECK-FIXES-NEXT: return;
    // CHECK-FIXES-NEXT: }
    flags_[index] = flags;
    // CHECK-FIXES: flags_[request->index] = request->flags;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess();
    // CHECK-FIXES-NOT: return;
  }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value);
  // CHECK-FIXES: void Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& completer) override;
  zx_status_t GpioImplGetInterrupt(uint32_t index, uint32_t flags, zx::interrupt* out_irq) {
    // CHECK-FIXES: void GetInterrupt(GetInterruptRequestView request, fdf::Arena& arena, GetInterruptCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: zx::interrupt irq{};
    zx_status_t status = index < kPins ? ZX_OK : ZX_ERR_INTERNAL;
    *out_irq = zx::interrupt();
    // CHECK-FIXES: irq = zx::interrupt();
    return status;
    // CHECK-FIXES: if (status == ZX_OK) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(std::move(irq));
    // CHECK-FIXES-NEXT: } else {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(status);
    // CHECK-FIXES-NEXT: }
  }
  zx_status_t GpioImplSetPolarity(uint32_t index, gpio_polarity_t polarity) {
    high_ = polarity == GPIO_POLARITY_HIGH;
    // CHECK-FIXES: high_ = static_cast<uint32_t>(request->polarity) == GPIO_POLARITY_HIGH;
    return ZX_OK;
  }

 private:
  static constexpr uint32_t kPins = 4;
  uint32_t flags_[kPins] = {};
  bool high_ = false;
  // CHECK-FIXES: void handle_unknown_method(fidl::UnknownMethodMetadata<fuchsia_hardware_gpioimpl::GpioImpl> metadata, fidl::UnknownMethodCompleter::Sync& completer) override {}
  // CHECK-FIXES-NEXT: fdf::ServerBindingGroup<fuchsia_hardware_gpioimpl::GpioImpl> gpio_impl_bindings_;
};

zx_status_t Gpio::GpioImplRead(uint32_t index, uint8_t* out_value) {
  // CHECK-FIXES: void Gpio::Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& completer) {
  // CHECK-FIXES-NEXT: uint8_t value{};
  *out_value = static_cast<uint8_t>(index);
  // CHECK-FIXES: value = static_cast<uint8_t>(request->index);
  return ZX_OK;
  // CHECK-FIXES: completer.buffer(arena).ReplySuccess(value);
}

int main() { return 0; }
