// What the binding machinery needs from a transport: read a message, decode its body, send one,
// and wait for the next. Two implementations: the driver transport over libfdf channels
// (runtime/fidl/driver_transport.cc) and the channel transport over zircon channels
// (runtime/fidl/channel_transport.cc).
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_TRANSPORT_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_TRANSPORT_H_

#include <lib/async/dispatcher.h>
#include <lib/fdf/arena.h>
#include <lib/fdf/types.h>
#include <lib/fidl/cpp/wire/coding_table.h>
#include <lib/fidl/cpp/wire/message_header.h>
#include <lib/fidl/cpp/wire/status.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <utility>

namespace fidl::internal {

// The transport a protocol speaks, as its marker's `Transport` alias names it: Zircon channels,
// or the driver runtime's channels (DriverTransport, lib/fidl_driver/cpp/transport.h).
struct ChannelTransport {};
struct DriverTransport {};
}  // namespace fidl::internal

namespace fidl {
// The name a @discoverable protocol is published under ("fuchsia.logger.LogSink").
template <typename Protocol>
inline constexpr const char* DiscoverableProtocolName = Protocol::kDiscoverableName;
}  // namespace fidl

namespace fidl::internal {

// A transactional message in memory: the header, then the body as its own object at offset 16.
template <typename Body>
struct TransactionalMessage {
  WireMessageHeader header;
  Body body;
};
struct EmptyTransactionalMessage {
  WireMessageHeader header;
};

// Where a channel-transport message is read to: the largest message and handle table a channel
// carries. Buffers are recycled per thread, so a steady stream of messages allocates nothing.
struct ChannelReadBuffer {
  alignas(8) uint8_t bytes[kFidlMaxMessageBytes];
  zx_handle_t handles[kFidlMaxMessageHandles];
};
struct ChannelReadBufferRecycler {
  void operator()(ChannelReadBuffer* buffer) const;
};
using ChannelReadBufferPtr = std::unique_ptr<ChannelReadBuffer, ChannelReadBufferRecycler>;
// A buffer from this thread's cache, or a new one.
ChannelReadBufferPtr AcquireChannelReadBuffer();

// A received message. Owns its storage (the arena reference or the byte buffer) and, once decoded,
// the handles still in its body.
class IncomingMessage {
 public:
  IncomingMessage() = default;
  IncomingMessage(IncomingMessage&& other) noexcept
      : bytes_(std::exchange(other.bytes_, nullptr)),
        num_bytes_(std::exchange(other.num_bytes_, 0)),
        handles_(std::exchange(other.handles_, nullptr)),
        num_handles_(std::exchange(other.num_handles_, 0)),
        arena_(std::exchange(other.arena_, nullptr)),
        owned_buffer_(std::move(other.owned_buffer_)),
        body_type_(std::exchange(other.body_type_, nullptr)),
        decoded_(std::exchange(other.decoded_, false)) {}
  IncomingMessage& operator=(IncomingMessage&& other) noexcept;
  ~IncomingMessage() { Reset(); }

  // Releases what the message holds; an empty message (the common case on every read) costs a
  // compare.
  void Reset() {
    if (bytes_ != nullptr || arena_ != nullptr || num_handles_ != 0) ResetSlow();
  }
  const WireMessageHeader& header() const { return *reinterpret_cast<WireMessageHeader*>(bytes_); }
  uint8_t* bytes() const { return bytes_; }
  uint32_t num_bytes() const { return num_bytes_; }
  zx_handle_t* handles() const { return handles_; }
  uint32_t num_handles() const { return num_handles_; }
  fdf_arena_t* arena() const { return arena_; }
  void* body() const { return decoded_ ? bytes_ + sizeof(WireMessageHeader) : nullptr; }
  bool is_decoded() const { return decoded_; }
  // Gives up the arena reference (a driver-transport result keeps it alive instead).
  fdf_arena_t* TakeArena();
  // The arena reference a driver-transport handler receives. Moved out of the message when
  // releasing the message later touches no body memory (a decoded body without handles), so
  // the call costs no reference-count traffic; shared otherwise.
  fdf_arena_t* ArenaForHandler() {
    if (decoded_ && (body_type_ == nullptr || !body_type_->resource)) return TakeArena();
    fdf_arena_add_ref(arena_);
    return arena_;
  }

  // Transport side.
  void SetDriverMessage(fdf_arena_t* arena, void* bytes, uint32_t num_bytes, zx_handle_t* handles,
                        uint32_t num_handles) {
    Reset();
    arena_ = arena;
    bytes_ = static_cast<uint8_t*>(bytes);
    num_bytes_ = num_bytes;
    handles_ = handles;
    num_handles_ = num_handles;
  }
  void SetChannelMessage(ChannelReadBufferPtr buffer, uint32_t num_bytes, uint32_t num_handles);
  void MarkDecoded(const FidlType* body_type) {
    decoded_ = true;
    body_type_ = body_type;
  }
  // The status an epitaph message carries (PEER_CLOSED when it is too short to carry one).
  zx_status_t epitaph() const;
  // A message without a body must be the header alone, with no handles.
  Status DecodeEmptyBody();
  // Closes every handle the message carries (undecoded: the raw handle table).
  void CloseAllHandles();

 private:
  void ResetSlow();

  uint8_t* bytes_ = nullptr;
  uint32_t num_bytes_ = 0;
  zx_handle_t* handles_ = nullptr;
  uint32_t num_handles_ = 0;
  fdf_arena_t* arena_ = nullptr;
  ChannelReadBufferPtr owned_buffer_;
  const FidlType* body_type_ = nullptr;
  bool decoded_ = false;
};

// One end of a channel as the bindings drive it. All calls but the wait callback may come from any
// thread; the binding serializes sends against Release/Close.
class MessageChannel {
 public:
  using ReadyCallback = std::function<void(zx_status_t status)>;
  virtual ~MessageChannel() = default;

  virtual async_dispatcher_t* async_dispatcher() const = 0;
  // Arms one wait; `on_ready` runs on the dispatcher with ZX_OK (readable), ZX_ERR_PEER_CLOSED,
  // or ZX_ERR_CANCELED (dispatcher shutdown).
  virtual zx_status_t BeginWait() = 0;
  // ZX_OK if a pending wait was canceled before its callback started.
  virtual zx_status_t CancelWait() = 0;
  virtual zx_status_t Read(IncomingMessage* out) = 0;
  // Validates and decodes the body (or checks it is empty when `body_type` is null).
  virtual Status DecodeBody(IncomingMessage& message, const FidlType* body_type) = 0;
  // Sends `message` (a header followed at offset 16 by a decoded body of `body_type`, or just
  // the header). Driver transport: `message` lives on `arena`, and `arena` travels with it.
  virtual Status Send(void* message, const FidlType* body_type, fdf_arena_t* arena) = 0;
  // The channel handle, read by the binding under its lock for a call made without it.
  virtual uint32_t handle() const = 0;
  // Blocking two-way call on `handle` (a value handle() returned), made without the binding's
  // lock: the binding may release the handle meanwhile, but closes it only once the call
  // returned. The reply arrives decoded as `response_type`.
  virtual Status Call(uint32_t handle, void* message, const FidlType* request_type,
                      fdf_arena_t* arena, const FidlType* response_type,
                      IncomingMessage* reply) = 0;
  // Gives the channel handle back (zx_handle_t or fdf_handle_t), leaving this object empty.
  virtual uint32_t ReleaseHandle() = 0;

  void set_ready_callback(ReadyCallback callback) { on_ready_ = std::move(callback); }

 protected:
  ReadyCallback on_ready_;
};

// Validates a received transactional header: size, alignment, magic number. Inline: every
// received message passes here; the failures are out of line.
Status HeaderError(const IncomingMessage& message);
inline Status ValidateHeader(const IncomingMessage& message) {
  if (message.num_bytes() >= sizeof(WireMessageHeader) && message.bytes() != nullptr &&
      reinterpret_cast<uintptr_t>(message.bytes()) % 8 == 0 &&
      message.header().magic_number == kFidlWireFormatMagicNumberInitial) {
    return Status::Ok();
  }
  return HeaderError(message);
}

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_TRANSPORT_H_
