// A banjo protocol written the way fidlgen_banjo's C and C++ outputs look (until fdfkit generates
// them from .banjo files): the ops table, the protocol struct, and a DDK-style client; its id,
// ZX_PROTOCOL_EXAMPLE_LED, is in <lib/ddk/protodefs.h>. The LED drivers of the example board serve
// and use it through compat.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_EXAMPLE_LED_BANJO_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_EXAMPLE_LED_BANJO_H_

#include <lib/ddk/device.h>
#include <lib/ddk/protodefs.h>
#include <stdint.h>
#include <zircon/types.h>

typedef struct example_led_protocol_ops {
  zx_status_t (*set_brightness)(void* ctx, uint32_t level);
  uint32_t (*get_brightness)(void* ctx);
} example_led_protocol_ops_t;

typedef struct example_led_protocol {
  const example_led_protocol_ops_t* ops;
  void* ctx;
} example_led_protocol_t;

#ifdef __cplusplus
namespace ddk {

class ExampleLedProtocolClient {
 public:
  static constexpr uint32_t kProtocolId = ZX_PROTOCOL_EXAMPLE_LED;
  ExampleLedProtocolClient() = default;
  explicit ExampleLedProtocolClient(const example_led_protocol_t* proto)
      : ops_(proto->ops), ctx_(proto->ctx) {}
  // From the parent device, as DFv1 code does; invalid if the parent does not offer the protocol.
  explicit ExampleLedProtocolClient(zx_device_t* parent) {
    example_led_protocol_t proto;
    if (device_get_protocol(parent, ZX_PROTOCOL_EXAMPLE_LED, &proto) == ZX_OK) {
      ops_ = proto.ops;
      ctx_ = proto.ctx;
    }
  }
  bool is_valid() const { return ops_ != nullptr; }
  zx_status_t SetBrightness(uint32_t level) const { return ops_->set_brightness(ctx_, level); }
  uint32_t GetBrightness() const { return ops_->get_brightness(ctx_); }

 private:
  const example_led_protocol_ops_t* ops_ = nullptr;
  void* ctx_ = nullptr;
};

}  // namespace ddk
#endif

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_EXAMPLE_LED_BANJO_H_
