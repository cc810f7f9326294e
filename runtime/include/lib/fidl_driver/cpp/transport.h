// The driver transport: FIDL messages over libfdf channels, inside fdf arenas.
//
// Two modes, chosen per process before channels are bound (both ends must agree):
//   kZeroCopy   (default) the request object built on the sender's arena *is* the message; the
//               receiver gets the same memory after AcceptTransfer validated it (RFC-0126).
//   kLinearize  the object is encoded into wire format v2 bytes on the arena and decoded in place
//               on the other side, like the channel transport; kept to measure the difference.
// The mode can also be chosen with the environment variable FDFKIT_DRIVER_TRANSPORT=linearize.
#ifndef LIB_FIDL_DRIVER_CPP_TRANSPORT_H_
#define LIB_FIDL_DRIVER_CPP_TRANSPORT_H_

#include <lib/fdf/types.h>
#include <lib/fidl/cpp/wire/internal/transport.h>

#include <memory>

namespace fdf::internal {

enum class DriverTransportMode { kZeroCopy, kLinearize };

void SetDriverTransportMode(DriverTransportMode mode);
DriverTransportMode GetDriverTransportMode();

std::unique_ptr<fidl::internal::MessageChannel> MakeDriverMessageChannel(
    fdf_handle_t channel, fdf_dispatcher_t* dispatcher);

// One-shot operations on a borrowed channel (sync clients, event senders).
fidl::Status DriverSend(fdf_handle_t channel, void* message,
                        const fidl::internal::FidlType* body_type, fdf_arena_t* arena);
fidl::Status DriverCall(fdf_handle_t channel, void* message,
                        const fidl::internal::FidlType* request_type, fdf_arena_t* arena,
                        const fidl::internal::FidlType* response_type,
                        fidl::internal::IncomingMessage* reply);

}  // namespace fdf::internal

#endif  // LIB_FIDL_DRIVER_CPP_TRANSPORT_H_
