#include <lib/fidl/epitaph.h>
#include <lib/fidl/cpp/wire/message_header.h>
#include <zircon/syscalls.h>

extern "C" zx_status_t fidl_epitaph_write(zx_handle_t channel, zx_status_t error) {
  fidl::WireEpitaph epitaph{fidl::WireMessageHeader::Make(0, fidl::kFidlOrdinalEpitaph, false),
                            error, 0};
  return zx_channel_write(channel, 0, &epitaph, sizeof epitaph, nullptr, 0);
}
