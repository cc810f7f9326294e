// The channel transport: FIDL messages in wire format v2 over zircon channels (between
// processes), served on any async dispatcher, including an fdf dispatcher's.
#ifndef LIB_FIDL_CPP_WIRE_CHANNEL_TRANSPORT_H_
#define LIB_FIDL_CPP_WIRE_CHANNEL_TRANSPORT_H_

#include <lib/async/dispatcher.h>
#include <lib/fidl/cpp/wire/internal/transport.h>

#include <memory>

namespace fidl::internal {

std::unique_ptr<MessageChannel> MakeZirconMessageChannel(zx_handle_t channel,
                                                         async_dispatcher_t* dispatcher);

// One-shot operations on a borrowed channel (sync clients, event senders). Sync calls may come
// from many threads at once; each gets its own reply. Events that arrive during a call are
// dropped: sync clients do not read events.
Status ChannelSend(zx_handle_t channel, void* message, const FidlType* body_type);
Status ChannelCall(zx_handle_t channel, void* message, const FidlType* request_type,
                   const FidlType* response_type, IncomingMessage* reply);
// Blocks until one message arrives, undecoded (HandleOneEvent).
zx_status_t ChannelReadOne(zx_handle_t channel, IncomingMessage* out);
Status ChannelDecode(IncomingMessage& message, const FidlType* body_type);

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_CHANNEL_TRANSPORT_H_
