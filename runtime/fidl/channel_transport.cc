#include <lib/async/wait.h>
#include <lib/fidl/cpp/wire/channel_transport.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <zircon/syscalls.h>

#include <atomic>
#include <cstring>
#include <utility>

#include "runtime/fidl/channel_call_router.h"

namespace fidl::internal {
namespace {

// Encoding scratch space: a message never exceeds the channel limits.
struct SendBuffer {
  alignas(8) uint8_t bytes[kFidlMaxMessageBytes];
  zx_handle_t handles[kFidlMaxMessageHandles];
  HandleMetadata metadata[kFidlMaxMessageHandles];
};

Status Write(zx_handle_t channel, void* message, const FidlType* body_type) {
  if (body_type == nullptr) {
    zx_status_t status =
        zx_channel_write(channel, 0, message, sizeof(WireMessageHeader), nullptr, 0);
    return status == ZX_OK ? Status::Ok() : Status::TransportError(status);
  }
  thread_local std::unique_ptr<SendBuffer> buffer = std::make_unique<SendBuffer>();
  std::memcpy(buffer->bytes, message, sizeof(WireMessageHeader));
  EncodeTarget target{buffer->bytes, kFidlMaxMessageBytes, buffer->handles, buffer->metadata,
                      kFidlMaxMessageHandles};
  EncodedSize size;
  Status status = Encode(*body_type, static_cast<uint8_t*>(message) + sizeof(WireMessageHeader),
                         sizeof(WireMessageHeader), target, &size);
  if (!status.ok()) return status;
  zx_status_t write_status =
      zx_channel_write(channel, 0, buffer->bytes, size.num_bytes, buffer->handles,
                       size.num_handles);
  return write_status == ZX_OK ? Status::Ok() : Status::TransportError(write_status);
}

zx_status_t ReadNow(zx_handle_t channel, IncomingMessage* out) {
  ChannelReadBufferPtr buffer = AcquireChannelReadBuffer();
  uint32_t num_bytes = 0, num_handles = 0;
  zx_status_t status =
      zx_channel_read(channel, 0, buffer->bytes, buffer->handles, kFidlMaxMessageBytes,
                      kFidlMaxMessageHandles, &num_bytes, &num_handles);
  if (status != ZX_OK) return status;
  out->SetChannelMessage(std::move(buffer), num_bytes, num_handles);
  return ZX_OK;
}

std::atomic<uint32_t> next_call_txid{1};

class ZirconMessageChannel final : public MessageChannel {
 public:
  ZirconMessageChannel(zx_handle_t channel, async_dispatcher_t* dispatcher)
      : channel_(channel), dispatcher_(dispatcher) {
    wait_.state = ASYNC_STATE_INIT;
    wait_.owner = this;
    wait_.handler = [](async_dispatcher_t*, async_wait_t* wait, zx_status_t status,
                       const zx_packet_signal_t* signal) {
      auto* self = static_cast<Wait*>(wait)->owner;
      if (status == ZX_OK && (signal->observed & ZX_CHANNEL_READABLE) == 0) {
        status = ZX_ERR_PEER_CLOSED;
      }
      self->on_ready_(status);
    };
    wait_.options = 0;
  }
  ~ZirconMessageChannel() override { zx_handle_close(channel_); }

  async_dispatcher_t* async_dispatcher() const override { return dispatcher_; }
  zx_status_t BeginWait() override {
    wait_.object = channel_;
    wait_.trigger = ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED;
    return async_begin_wait(dispatcher_, &wait_);
  }
  zx_status_t CancelWait() override { return async_cancel_wait(dispatcher_, &wait_); }
  zx_status_t Read(IncomingMessage* out) override { return ReadNow(channel_, out); }
  Status DecodeBody(IncomingMessage& message, const FidlType* body_type) override {
    return ChannelDecode(message, body_type);
  }
  Status Send(void* message, const FidlType* body_type, fdf_arena_t*) override {
    return Write(channel_, message, body_type);
  }
  uint32_t handle() const override { return channel_; }
  Status Call(uint32_t handle, void* message, const FidlType* request_type, fdf_arena_t*,
              const FidlType* response_type, IncomingMessage* reply) override {
    return ChannelCall(handle, message, request_type, response_type, reply);
  }
  uint32_t ReleaseHandle() override { return std::exchange(channel_, ZX_HANDLE_INVALID); }

 private:
  struct Wait : async_wait_t {
    ZirconMessageChannel* owner;
  };
  Wait wait_;
  zx_handle_t channel_;
  async_dispatcher_t* dispatcher_;
};

}  // namespace

std::unique_ptr<MessageChannel> MakeZirconMessageChannel(zx_handle_t channel,
                                                         async_dispatcher_t* dispatcher) {
  return std::make_unique<ZirconMessageChannel>(channel, dispatcher);
}

Status ChannelDecode(IncomingMessage& message, const FidlType* body_type) {
  if (body_type == nullptr) return message.DecodeEmptyBody();
  Status status = Decode(*body_type, message.bytes(), message.num_bytes(),
                         sizeof(WireMessageHeader), message.handles(), message.num_handles(),
                         &HandleHasType);
  if (!status.ok()) return status;
  message.MarkDecoded(body_type);
  return Status::Ok();
}

Status ChannelSend(zx_handle_t channel, void* message, const FidlType* body_type) {
  return Write(channel, message, body_type);
}

zx_status_t ChannelReadOne(zx_handle_t channel, IncomingMessage* out) {
  for (;;) {
    zx_status_t status = ReadNow(channel, out);
    if (status != ZX_ERR_SHOULD_WAIT) return status;
    zx_signals_t observed = 0;
    status = zx_object_wait_one(channel, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED,
                                ZX_TIME_INFINITE, &observed);
    if (status != ZX_OK) return status;
  }
}

Status ChannelCall(zx_handle_t channel, void* message, const FidlType* request_type,
                   const FidlType* response_type, IncomingMessage* reply) {
  auto* header = static_cast<WireMessageHeader*>(message);
  uint32_t txid;
  do {
    txid = next_call_txid.fetch_add(1) & 0x7fffffffu;
  } while (txid == 0);
  header->txid = txid;
  uint64_t ordinal = header->ordinal;
  PendingChannelCall call(channel, txid);  // registered before the reply can arrive
  if (Status status = Write(channel, message, request_type); !status.ok()) {
    // A peer that closed before the request went out may have said why: its epitaph is still
    // queued, and reading on reports it (else plain PEER_CLOSED).
    if (status.status() == ZX_ERR_PEER_CLOSED) {
      if (Status closed = call.Wait(reply); !closed.ok()) return closed;
    }
    return status;
  }
  if (Status status = call.Wait(reply); !status.ok()) return status;
  if (reply->header().ordinal != ordinal) {
    return Status::UnexpectedMessage(ZX_ERR_INVALID_ARGS, "reply ordinal differs");
  }
  return ChannelDecode(*reply, response_type);
}

}  // namespace fidl::internal
