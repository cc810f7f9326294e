// Banjo protocol ids: ZX_PROTOCOL_<NAME> for every protocol of layout ddk-protocol in the corpus
// (corpus/protocols), the numbers DFv1's device_get_protocol and compat::BanjoServer use and that
// bind rules see as fuchsia.BIND_PROTOCOL. Plain C: include it from C or C++.
//
// Where the values come from:
//   - Fuchsia's own ids where fdfkit knows them (GPIO, GPIO_IMPL, I2C_IMPL, REGISTERS), and PWM's
//     former id (Fuchsia has since retired it);
//   - the corpus bind libraries where they name the protocol's BIND_PROTOCOL value
//     (corpus/tree/src/devices/bind: I2C, SDMMC, PBUS, PDEV);
//   - 200 for the example LED protocol of the example board (corpus/drivers/bind);
//   - fdfkit's own range, from 1000 up, for the rest. Fuchsia's ids stay far below 1000, so these
//     cannot meet one. They were given in alphabetical order; a new protocol takes the next free
//     number, and an assigned number never changes.
// Every define is skipped if the name is already defined, so a header that defines one of these
// itself may come first.
#ifndef LIB_DDK_PROTODEFS_H_
#define LIB_DDK_PROTODEFS_H_

// Fuchsia's ids.
#ifndef ZX_PROTOCOL_GPIO
#define ZX_PROTOCOL_GPIO 20
#endif
#ifndef ZX_PROTOCOL_GPIO_IMPL
#define ZX_PROTOCOL_GPIO_IMPL 21
#endif
#ifndef ZX_PROTOCOL_I2C_IMPL
#define ZX_PROTOCOL_I2C_IMPL 25
#endif
#ifndef ZX_PROTOCOL_REGISTERS
#define ZX_PROTOCOL_REGISTERS 152
#endif

// Fuchsia's former id for PWM (retired there).
#ifndef ZX_PROTOCOL_PWM
#define ZX_PROTOCOL_PWM 127
#endif

// The BIND_PROTOCOL values of the corpus bind libraries. (For PBUS, framework-reference §2.3
// records Fuchsia's retired id as 84, the corpus's platform-device value; fdfkit follows the bind
// library, which the corpus's platform drivers bind against.)
#ifndef ZX_PROTOCOL_I2C
#define ZX_PROTOCOL_I2C 24  // fuchsia.i2c.BIND_PROTOCOL.DEVICE
#endif
#ifndef ZX_PROTOCOL_SDMMC
#define ZX_PROTOCOL_SDMMC 51  // fuchsia.sdmmc.BIND_PROTOCOL.SDMMC
#endif
#ifndef ZX_PROTOCOL_PBUS
#define ZX_PROTOCOL_PBUS 83  // fuchsia.platform.BIND_PROTOCOL.BUS (0x53)
#endif
#ifndef ZX_PROTOCOL_PDEV
#define ZX_PROTOCOL_PDEV 84  // fuchsia.platform.BIND_PROTOCOL.DEVICE (0x54)
#endif

// The example board's LED protocol (corpus/drivers/common/example_led_banjo.h).
#ifndef ZX_PROTOCOL_EXAMPLE_LED
#define ZX_PROTOCOL_EXAMPLE_LED 200  // fdfkit.examples.BIND_PROTOCOL.EXAMPLE_LED
#endif

// fdfkit's range.
#ifndef ZX_PROTOCOL_BLOCK_IMPL
#define ZX_PROTOCOL_BLOCK_IMPL 1000
#endif
#ifndef ZX_PROTOCOL_CLOCK_IMPL
#define ZX_PROTOCOL_CLOCK_IMPL 1001
#endif
#ifndef ZX_PROTOCOL_DISPLAY_CONTROLLER_IMPL
#define ZX_PROTOCOL_DISPLAY_CONTROLLER_IMPL 1002
#endif
#ifndef ZX_PROTOCOL_ETHERNET_IMPL
#define ZX_PROTOCOL_ETHERNET_IMPL 1003
#endif
#ifndef ZX_PROTOCOL_FAN
#define ZX_PROTOCOL_FAN 1004
#endif
#ifndef ZX_PROTOCOL_HIDBUS
#define ZX_PROTOCOL_HIDBUS 1005
#endif
#ifndef ZX_PROTOCOL_KEYPAD
#define ZX_PROTOCOL_KEYPAD 1006
#endif
#ifndef ZX_PROTOCOL_LED_IMPL
#define ZX_PROTOCOL_LED_IMPL 1007
#endif
#ifndef ZX_PROTOCOL_MISC
#define ZX_PROTOCOL_MISC 1008
#endif
#ifndef ZX_PROTOCOL_NAND
#define ZX_PROTOCOL_NAND 1009
#endif
#ifndef ZX_PROTOCOL_POWER
#define ZX_PROTOCOL_POWER 1010
#endif
#ifndef ZX_PROTOCOL_POWER_IMPL
#define ZX_PROTOCOL_POWER_IMPL 1011
#endif
#ifndef ZX_PROTOCOL_RTC
#define ZX_PROTOCOL_RTC 1012
#endif
#ifndef ZX_PROTOCOL_SCPI
#define ZX_PROTOCOL_SCPI 1013
#endif
#ifndef ZX_PROTOCOL_SENSOR
#define ZX_PROTOCOL_SENSOR 1014
#endif
#ifndef ZX_PROTOCOL_SERIAL
#define ZX_PROTOCOL_SERIAL 1015
#endif
#ifndef ZX_PROTOCOL_SPI
#define ZX_PROTOCOL_SPI 1016
#endif
#ifndef ZX_PROTOCOL_SPI_IMPL
#define ZX_PROTOCOL_SPI_IMPL 1017
#endif
#ifndef ZX_PROTOCOL_THERMAL_IMPL
#define ZX_PROTOCOL_THERMAL_IMPL 1018
#endif
#ifndef ZX_PROTOCOL_USB
#define ZX_PROTOCOL_USB 1019
#endif
#ifndef ZX_PROTOCOL_WLAN_PHY_IMPL
#define ZX_PROTOCOL_WLAN_PHY_IMPL 1020
#endif
#ifndef ZX_PROTOCOL_BLOCKIO
#define ZX_PROTOCOL_BLOCKIO 1021  // given after the alphabetical run: the next free number
#endif

#endif  // LIB_DDK_PROTODEFS_H_
