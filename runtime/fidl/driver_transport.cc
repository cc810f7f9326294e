#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/handle.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl_driver/cpp/transport.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace fdf::internal {
namespace {

using fidl::Status;
using fidl::internal::FidlType;
using fidl::internal::IncomingMessage;
using fidl::WireMessageHeader;

DriverTransportMode InitialMode() {
  const char* env = std::getenv("FDFKIT_DRIVER_TRANSPORT");
  return env != nullptr && std::strcmp(env, "linearize") == 0 ? DriverTransportMode::kLinearize
                                                              : DriverTransportMode::kZeroCopy;
}

std::atomic<DriverTransportMode>& Mode() {
  static std::atomic<DriverTransportMode> mode{InitialMode()};
  return mode;
}

uint32_t PrimarySize(const FidlType* body_type) {
  return sizeof(WireMessageHeader) + (body_type ? body_type->inline_size : 0);
}

// Turns `message` into what goes on the channel: (data, num_bytes, handles) on `arena`.
struct Outgoing {
  void* data;
  uint32_t num_bytes;
  zx_handle_t* handles;
  uint32_t num_handles;
};

Status PrepareOutgoing(DriverTransportMode mode, void* message, const FidlType* body_type,
                       fdf_arena_t* arena, Outgoing* out) {
  if (body_type == nullptr) {
    *out = {message, sizeof(WireMessageHeader), nullptr, 0};
    return Status::Ok();
  }
  auto* body = static_cast<uint8_t*>(message) + sizeof(WireMessageHeader);
  if (mode == DriverTransportMode::kZeroCopy) {
    fidl::internal::TransferHandles handles{nullptr, 0};
    if (Status status = fidl::internal::PrepareTransfer(*body_type, body, arena, &handles);
        !status.ok()) {
      return status;
    }
    *out = {message, PrimarySize(body_type), handles.count ? handles.handles : nullptr,
            handles.count};
    return Status::Ok();
  }
  fidl::internal::EncodedSize size;
  if (Status status =
          fidl::internal::MeasureEncoded(*body_type, body, sizeof(WireMessageHeader), &size);
      !status.ok()) {
    return status;
  }
  auto* bytes = static_cast<uint8_t*>(fdf_arena_allocate(arena, size.num_bytes));
  zx_handle_t* handles = size.num_handles == 0
                             ? nullptr
                             : static_cast<zx_handle_t*>(fdf_arena_allocate(
                                   arena, sizeof(zx_handle_t) * size.num_handles));
  std::memcpy(bytes, message, sizeof(WireMessageHeader));
  fidl::internal::EncodeTarget target{bytes, size.num_bytes, handles, nullptr, size.num_handles};
  if (Status status = fidl::internal::Encode(*body_type, body, sizeof(WireMessageHeader), target,
                                             &size);
      !status.ok()) {
    return status;
  }
  *out = {bytes, size.num_bytes, handles, size.num_handles};
  return Status::Ok();
}

Status DecodeIncoming(DriverTransportMode mode, IncomingMessage& message,
                      const FidlType* body_type) {
  if (body_type == nullptr) return message.DecodeEmptyBody();
  void* body = message.bytes() + sizeof(WireMessageHeader);
  if (mode == DriverTransportMode::kZeroCopy) {
    if (message.num_bytes() != PrimarySize(body_type)) {
      message.CloseAllHandles();
      return Status::DecodeError(ZX_ERR_INVALID_ARGS, "TOO_FEW_BYTES_IN_PRIMARY_OBJECT");
    }
    Status status =
        fidl::internal::AcceptTransfer(*body_type, body, message.arena(), message.handles(),
                                       message.num_handles(), &fidl::internal::HandleHasType);
    if (!status.ok()) return status;
  } else {
    Status status = fidl::internal::Decode(*body_type, message.bytes(), message.num_bytes(),
                                           sizeof(WireMessageHeader), message.handles(),
                                           message.num_handles(),
                                           &fidl::internal::HandleHasType);
    if (!status.ok()) return status;
  }
  message.MarkDecoded(body_type);
  return Status::Ok();
}

class DriverMessageChannel final : public fidl::internal::MessageChannel {
 public:
  DriverMessageChannel(fdf_handle_t channel, fdf_dispatcher_t* dispatcher)
      : channel_(channel), dispatcher_(dispatcher), mode_(GetDriverTransportMode()) {
    read_.state = ASYNC_STATE_INIT;
    read_.owner = this;
    read_.handler = [](fdf_dispatcher_t*, fdf_channel_read_t* read, zx_status_t status) {
      static_cast<ReadWait*>(read)->owner->on_ready_(status);
    };
    read_.options = 0;
  }
  ~DriverMessageChannel() override {
    if (channel_ != FDF_HANDLE_INVALID) fdf_handle_close(channel_);
  }

  async_dispatcher_t* async_dispatcher() const override {
    return fdf_dispatcher_get_async_dispatcher(dispatcher_);
  }
  zx_status_t BeginWait() override {
    read_.channel = channel_;
    return fdf_channel_wait_async(dispatcher_, &read_, 0);
  }
  zx_status_t CancelWait() override { return fdf_channel_cancel_wait(channel_); }
  zx_status_t Read(IncomingMessage* out) override {
    fdf_arena_t* arena = nullptr;
    void* data = nullptr;
    uint32_t num_bytes = 0;
    zx_handle_t* handles = nullptr;
    uint32_t num_handles = 0;
    zx_status_t status =
        fdf_channel_read(channel_, 0, &arena, &data, &num_bytes, &handles, &num_handles);
    if (status != ZX_OK) return status;
    out->SetDriverMessage(arena, data, num_bytes, handles, num_handles);
    return ZX_OK;
  }
  Status DecodeBody(IncomingMessage& message, const FidlType* body_type) override {
    return DecodeIncoming(mode_, message, body_type);
  }
  Status Send(void* message, const FidlType* body_type, fdf_arena_t* arena) override {
    return Write(channel_, mode_, message, body_type, arena);
  }
  uint32_t handle() const override { return channel_; }
  Status Call(uint32_t handle, void* message, const FidlType* request_type, fdf_arena_t* arena,
              const FidlType* response_type, IncomingMessage* reply) override {
    return DriverCall(handle, message, request_type, arena, response_type, reply);
  }
  uint32_t ReleaseHandle() override { return std::exchange(channel_, FDF_HANDLE_INVALID); }

  static Status Write(fdf_handle_t channel, DriverTransportMode mode, void* message,
                      const FidlType* body_type, fdf_arena_t* arena) {
    Outgoing out;
    if (Status status = PrepareOutgoing(mode, message, body_type, arena, &out); !status.ok()) {
      return status;
    }
    zx_status_t status = fdf_channel_write(channel, 0, arena, out.data, out.num_bytes,
                                           out.handles, out.num_handles);
    return status == ZX_OK ? Status::Ok() : Status::TransportError(status);
  }

 private:
  struct ReadWait : fdf_channel_read_t {
    DriverMessageChannel* owner;
  };
  ReadWait read_;
  fdf_handle_t channel_;
  fdf_dispatcher_t* dispatcher_;
  DriverTransportMode mode_;
};

}  // namespace

void SetDriverTransportMode(DriverTransportMode mode) { Mode().store(mode); }
DriverTransportMode GetDriverTransportMode() { return Mode().load(); }

std::unique_ptr<fidl::internal::MessageChannel> MakeDriverMessageChannel(
    fdf_handle_t channel, fdf_dispatcher_t* dispatcher) {
  return std::make_unique<DriverMessageChannel>(channel, dispatcher);
}

Status DriverSend(fdf_handle_t channel, void* message, const FidlType* body_type,
                  fdf_arena_t* arena) {
  return DriverMessageChannel::Write(channel, GetDriverTransportMode(), message, body_type, arena);
}

Status DriverCall(fdf_handle_t channel, void* message, const FidlType* request_type,
                  fdf_arena_t* arena, const FidlType* response_type, IncomingMessage* reply) {
  DriverTransportMode mode = GetDriverTransportMode();
  Outgoing out;
  if (Status status = PrepareOutgoing(mode, message, request_type, arena, &out); !status.ok()) {
    return status;
  }
  uint64_t ordinal = static_cast<WireMessageHeader*>(message)->ordinal;
  fdf_arena_t* reply_arena = nullptr;
  void* data = nullptr;
  uint32_t num_bytes = 0;
  zx_handle_t* handles = nullptr;
  uint32_t num_handles = 0;
  fdf_channel_call_args_t args{arena,        out.data,     out.num_bytes, out.handles,
                               out.num_handles, &reply_arena, &data,        &num_bytes,
                               &handles,     &num_handles};
  zx_status_t status = fdf_channel_call(channel, 0, ZX_TIME_INFINITE, &args);
  if (status != ZX_OK) return Status::TransportError(status);
  reply->SetDriverMessage(reply_arena, data, num_bytes, handles, num_handles);
  if (Status valid = fidl::internal::ValidateHeader(*reply); !valid.ok()) return valid;
  if (reply->header().ordinal != ordinal) {
    return Status::UnexpectedMessage(ZX_ERR_INVALID_ARGS, "reply ordinal differs");
  }
  return DecodeIncoming(mode, *reply, response_type);
}

}  // namespace fdf::internal
