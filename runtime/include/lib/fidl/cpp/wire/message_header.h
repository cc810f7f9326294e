// The 16-byte transactional header and the constants around it (wire format v2, §1.11).
#ifndef LIB_FIDL_CPP_WIRE_MESSAGE_HEADER_H_
#define LIB_FIDL_CPP_WIRE_MESSAGE_HEADER_H_

#include <zircon/types.h>

#include <cstdint>

namespace fidl {

inline constexpr uint8_t kFidlWireFormatMagicNumberInitial = 1;
inline constexpr uint8_t kFidlWireFormatAtRestFlagV2 = 0x02;
inline constexpr uint8_t kFidlMessageDynamicFlagFlexible = 0x80;
inline constexpr uint64_t kFidlOrdinalEpitaph = 0xffffffffffffffffull;
inline constexpr uint32_t kFidlMaxMessageBytes = 65536;
inline constexpr uint32_t kFidlMaxMessageHandles = 64;
inline constexpr uint32_t kFidlMaxDepth = 32;
inline constexpr int32_t kFidlFrameworkErrUnknownMethod = -2;

struct WireMessageHeader {
  uint32_t txid;
  uint8_t at_rest_flags[2];
  uint8_t dynamic_flags;
  uint8_t magic_number;
  uint64_t ordinal;

  static WireMessageHeader Make(uint32_t txid, uint64_t ordinal, bool flexible) {
    return WireMessageHeader{txid,
                             {kFidlWireFormatAtRestFlagV2, 0},
                             static_cast<uint8_t>(flexible ? kFidlMessageDynamicFlagFlexible : 0),
                             kFidlWireFormatMagicNumberInitial,
                             ordinal};
  }
  bool is_flexible() const { return (dynamic_flags & kFidlMessageDynamicFlagFlexible) != 0; }
  bool is_v2() const { return (at_rest_flags[0] & kFidlWireFormatAtRestFlagV2) != 0; }
};
static_assert(sizeof(WireMessageHeader) == 16);

// The body of an epitaph message.
struct WireEpitaph {
  WireMessageHeader header;
  int32_t error;
  uint32_t padding;
};
static_assert(sizeof(WireEpitaph) == 24);

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_MESSAGE_HEADER_H_
