#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/internal/transport.h>

#include <utility>

namespace fidl::internal {

IncomingMessage& IncomingMessage::operator=(IncomingMessage&& other) noexcept {
  if (this == &other) return *this;
  Reset();
  bytes_ = std::exchange(other.bytes_, nullptr);
  num_bytes_ = std::exchange(other.num_bytes_, 0);
  handles_ = std::exchange(other.handles_, nullptr);
  num_handles_ = std::exchange(other.num_handles_, 0);
  arena_ = std::exchange(other.arena_, nullptr);
  owned_buffer_ = std::move(other.owned_buffer_);
  body_type_ = std::exchange(other.body_type_, nullptr);
  decoded_ = std::exchange(other.decoded_, false);
  return *this;
}

void IncomingMessage::ResetSlow() {
  if (decoded_) {
    if (body_type_ != nullptr && body_type_->resource) CloseHandles(*body_type_, body());
  } else {
    CloseAllHandles();
  }
  decoded_ = false;
  body_type_ = nullptr;
  bytes_ = nullptr;
  num_bytes_ = 0;
  handles_ = nullptr;
  num_handles_ = 0;
  owned_buffer_.reset();
  if (arena_ != nullptr) fdf_arena_drop_ref(std::exchange(arena_, nullptr));
}

fdf_arena_t* IncomingMessage::TakeArena() { return std::exchange(arena_, nullptr); }

void IncomingMessage::CloseAllHandles() {
  if (decoded_ || num_handles_ == 0) return;  // decoded: the handles belong to the body now
  CloseAnyHandles(handles_, num_handles_);
  num_handles_ = 0;
}

void IncomingMessage::SetChannelMessage(ChannelReadBufferPtr buffer, uint32_t num_bytes,
                                        uint32_t num_handles) {
  Reset();
  owned_buffer_ = std::move(buffer);
  bytes_ = owned_buffer_->bytes;
  num_bytes_ = num_bytes;
  handles_ = owned_buffer_->handles;
  num_handles_ = num_handles;
}

zx_status_t IncomingMessage::epitaph() const {
  if (num_bytes_ < sizeof(WireEpitaph)) return ZX_ERR_PEER_CLOSED;
  return reinterpret_cast<const WireEpitaph*>(bytes_)->error;
}

Status IncomingMessage::DecodeEmptyBody() {
  if (num_bytes_ != sizeof(WireMessageHeader) || num_handles_ != 0) {
    CloseAllHandles();
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, "UNEXPECTED_BODY");
  }
  MarkDecoded(nullptr);
  return Status::Ok();
}

Status HeaderError(const IncomingMessage& message) {
  if (message.num_bytes() < sizeof(WireMessageHeader) || message.bytes() == nullptr) {
    return Status::UnexpectedMessage(ZX_ERR_INVALID_ARGS, "TOO_FEW_BYTES_IN_PRIMARY_OBJECT");
  }
  if (reinterpret_cast<uintptr_t>(message.bytes()) % 8 != 0) {
    return Status::UnexpectedMessage(ZX_ERR_INVALID_ARGS, "MISALIGNED_MESSAGE");
  }
  return Status::UnexpectedMessage(ZX_ERR_PROTOCOL_NOT_SUPPORTED, "INVALID_MAGIC_NUMBER");
}

}  // namespace fidl::internal
