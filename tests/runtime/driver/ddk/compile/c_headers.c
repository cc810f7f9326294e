/* Every DDK-surface C header, used the way banjo's generated C headers and their users use them.
 * Compiled as C11 and as C++17 by c_headers_compile.sh, warnings as errors. */
#include <lib/ddk/device.h>
#include <lib/ddk/driver.h>
#include <lib/ddk/protodefs.h>
#include <zircon/assert.h>
#include <zircon/compiler.h>
#include <zircon/errors.h>
#include <zircon/types.h>

__BEGIN_CDECLS

typedef struct sample_regs {
  uint8_t tag;
  uint32_t value;
} __PACKED sample_regs_t;

typedef struct sample_aliases {
  zx_status_t status;
  zx_time_t time;
  zx_duration_t duration;
  zx_ticks_t ticks;
  zx_koid_t koid;
  zx_off_t off;
  zx_signals_t signals;
  zx_paddr_t paddr;
  zx_paddr32_t paddr32;
  zx_gpaddr_t gpaddr;
  zx_vaddr_t vaddr;
  zx_vm_option_t vm_option;
  zx_handle_t handle;
  zx_rights_t rights;
  zx_obj_type_t obj_type;
} sample_aliases_t;

typedef struct sample_protocol_ops {
  zx_status_t (*read)(void* ctx, uint32_t index, uint8_t* out_value);
} sample_protocol_ops_t;

typedef struct sample_protocol {
  const sample_protocol_ops_t* ops;
  void* ctx;
} sample_protocol_t;

static inline zx_status_t sample_read(const sample_protocol_t* proto, uint32_t index,
                                      uint8_t* out_value) {
  return proto->ops->read(proto->ctx, index, out_value);
}

zx_status_t sample_use(zx_device_t* parent, uint8_t* out_value);

__END_CDECLS

static const uint32_t kIds[] = {
    ZX_PROTOCOL_BLOCK_IMPL, ZX_PROTOCOL_CLOCK_IMPL, ZX_PROTOCOL_DISPLAY_CONTROLLER_IMPL,
    ZX_PROTOCOL_ETHERNET_IMPL, ZX_PROTOCOL_EXAMPLE_LED, ZX_PROTOCOL_FAN, ZX_PROTOCOL_GPIO,
    ZX_PROTOCOL_GPIO_IMPL, ZX_PROTOCOL_HIDBUS, ZX_PROTOCOL_I2C, ZX_PROTOCOL_I2C_IMPL,
    ZX_PROTOCOL_KEYPAD, ZX_PROTOCOL_LED_IMPL, ZX_PROTOCOL_MISC, ZX_PROTOCOL_NAND,
    ZX_PROTOCOL_PBUS, ZX_PROTOCOL_PDEV, ZX_PROTOCOL_POWER, ZX_PROTOCOL_POWER_IMPL,
    ZX_PROTOCOL_PWM, ZX_PROTOCOL_REGISTERS, ZX_PROTOCOL_RTC, ZX_PROTOCOL_SCPI, ZX_PROTOCOL_SDMMC,
    ZX_PROTOCOL_SENSOR, ZX_PROTOCOL_SERIAL, ZX_PROTOCOL_SPI, ZX_PROTOCOL_SPI_IMPL,
    ZX_PROTOCOL_THERMAL_IMPL, ZX_PROTOCOL_USB, ZX_PROTOCOL_WLAN_PHY_IMPL,
};

static int unused_helper(void) __UNUSED;
static int unused_helper(void) { return 0; }

zx_status_t sample_use(zx_device_t* parent, uint8_t* out_value) {
  sample_protocol_t proto;
  sample_regs_t regs = {1, 2};
  zx_status_t status;
  ZX_ASSERT(parent != NULL);
  ZX_ASSERT_MSG(out_value != NULL, "no output");
  ZX_ASSERT_MSG(sizeof(regs) == 5, "packed to %d bytes", (int)sizeof(regs));
  ZX_DEBUG_ASSERT(kIds[0] != 0);
  ZX_DEBUG_ASSERT_MSG(regs.tag == 1, "tag %u", (unsigned)regs.tag);
  status = device_get_protocol(parent, ZX_PROTOCOL_GPIO_IMPL, &proto);
  if (status != ZX_OK) {
    status = device_get_fragment_protocol(parent, "gpio", ZX_PROTOCOL_GPIO_IMPL, &proto);
  }
  if (status != ZX_OK) return status == ZX_ERR_NOT_SUPPORTED ? status : ZX_ERR_INTERNAL;
  return sample_read(&proto, kIds[1], out_value);
}
