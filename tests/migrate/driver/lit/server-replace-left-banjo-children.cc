// EXIT: 1
// --mode=replace leaves a server that still serves banjo children: through a compat::BanjoServer
// built from its mixin's ops table, or a dual server's banjo_server(). Said at the base, with
// where the banjo side is served and what to do; nothing of the class is touched.
#include <lib/driver/component/cpp/driver_base.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>

class BanjoGpio : public fdf::DriverBase, public ddk::GpioImplProtocol<BanjoGpio> {
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: [FDFDRV046] BanjoGpio serves ddk::GpioImplProtocol, and stays so: it serves banjo children through compat::BanjoServer banjo_server_ (at line [[@LINE+8]], column 67): --mode=dual serves both transports; once its children use the driver transport, remove the BanjoServer and run --mode=replace again
  // CHECK-FIXES: class BanjoGpio : public fdf::DriverBase, public ddk::GpioImplProtocol<BanjoGpio> {
 public:
  zx::result<> Start() override { return zx::result<>(0); }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  // CHECK-FIXES: zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }

 private:
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO_IMPL, this, &gpio_impl_protocol_ops_};
};

class DualGpio : public fdf::DriverBase,
                 public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<DualGpio> {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: [FDFDRV046] DualGpio serves fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer, and stays so: it still uses the dual server's banjo_server (at line [[@LINE+4]], column 11): banjo children remain; once they use the driver transport, remove what serves them and run --mode=replace again
 public:
  zx::result<> Start() override {
    return AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
    (void)banjo_server();
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  // CHECK-FIXES: zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
};

// Published through a macro: its text cannot be rebuilt, so the server stays.
#define PUBLISH_ON(dispatcher) AddDriverTransportService(*outgoing(), dispatcher)
class MacroGpio : public fdf::DriverBase,
                  public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<MacroGpio> {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV046] MacroGpio serves fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer, and stays so: it publishes its service through a macro (at line [[@LINE+3]], column 26), which is not rewritten
 public:
  zx::result<> Start() override {
    zx::result<> added = PUBLISH_ON(driver_dispatcher()->get());
    return added;
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  // CHECK-FIXES: zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
};

int main() { return 0; }
