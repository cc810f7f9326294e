#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/internal/server_binding.h>

#include <algorithm>


namespace fidl::internal {
namespace {

const MethodEntry* FindEntry(const ProtocolDispatch& dispatch, uint64_t ordinal) {
  const MethodEntry* end = dispatch.entries + dispatch.count;
  const MethodEntry* it = std::lower_bound(
      dispatch.entries, end, ordinal,
      [](const MethodEntry& entry, uint64_t value) { return entry.ordinal < value; });
  return it != end && it->ordinal == ordinal ? it : nullptr;
}

}  // namespace

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  binding_ = std::exchange(other.binding_, nullptr);
  owner_ = std::move(other.owner_);
  if (binding_ != nullptr && !owner_) owner_ = binding_->shared_from_this();
  txid_ = other.txid_;
  ordinal_ = other.ordinal_;
  flexible_ = other.flexible_;
  needs_reply_ = std::exchange(other.needs_reply_, false);
  return *this;
}

Transaction::~Transaction() {
  // A two-way request nobody answered: the client would wait forever, so the binding closes.
  if (needs_reply_ && binding_ != nullptr) {
    binding_->TeardownWithError(
        Status::Canceled(Reason::kAbandonedAsyncReply, ZX_ERR_INTERNAL));
  }
}

OneWayStatus Transaction::Reply(void* message, const FidlType* body_type, fdf_arena_t* arena) {
  if (!needs_reply_ || binding_ == nullptr) std::abort();  // replied twice, or to a one-way method
  needs_reply_ = false;
  *static_cast<WireMessageHeader*>(message) = WireMessageHeader::Make(txid_, ordinal_, flexible_);
  return owner_ ? binding_->Send(message, body_type, arena)
                : binding_->SendFromDispatch(message, body_type, arena);
}

void Transaction::Close(zx_status_t epitaph) {
  needs_reply_ = false;
  if (binding_ != nullptr) binding_->Close(epitaph);
}

ServerBindingCore::ServerBindingCore(std::unique_ptr<MessageChannel> channel,
                                     const ProtocolDispatch* dispatch, void* impl,
                                     OnUnbound on_unbound)
    : ReadLoop(std::move(channel)),
      dispatch_(dispatch),
      impl_(impl),
      on_unbound_(std::move(on_unbound)) {}

zx::result<std::shared_ptr<ServerBindingCore>> ServerBindingCore::Bind(
    std::unique_ptr<MessageChannel> channel, const ProtocolDispatch* dispatch, void* impl,
    OnUnbound on_unbound) {
  auto core = std::make_shared<ServerBindingCore>(std::move(channel), dispatch, impl,
                                                  std::move(on_unbound));
  if (zx_status_t status = core->Start(core); status != ZX_OK) return zx::error(status);
  return zx::ok(std::move(core));
}

void ServerBindingCore::DispatchMessage(IncomingMessage& message) {
  if (Status status = ValidateHeader(message); !status.ok()) {
    TeardownWithError(status);
    return;
  }
  WireMessageHeader header = message.header();
  const MethodEntry* entry = FindEntry(*dispatch_, header.ordinal);
  if (entry == nullptr) {
    HandleUnknown(message, header);
    return;
  }
  if (entry->two_way != (header.txid != 0)) {
    TeardownWithError(Status::UnexpectedMessage(
        ZX_ERR_INVALID_ARGS, entry->two_way ? "two-way request with txid 0"
                                            : "one-way request with a txid"));
    return;
  }
  if (Status status = channel_->DecodeBody(message, entry->request_type); !status.ok()) {
    TeardownWithError(status);
    return;
  }
  Transaction transaction(this, header, entry->two_way);
  entry->dispatch(impl_, message, transaction);
}

void ServerBindingCore::HandleUnknown(IncomingMessage& message, const WireMessageHeader& header) {
  bool two_way = header.txid != 0;
  bool handleable = header.is_flexible() && header.ordinal != kFidlOrdinalEpitaph &&
                    (dispatch_->openness == Openness::kOpen ||
                     (dispatch_->openness == Openness::kAjar && !two_way));
  if (!handleable || dispatch_->unknown_method == nullptr) {
    TeardownWithError(Status::UnknownOrdinal());
    return;
  }
  message.CloseAllHandles();
  // The user's handler runs first, so a client that sees the framework error knows it ran.
  {
    Transaction transaction(this, header, false);
    dispatch_->unknown_method(impl_, header.ordinal,
                              two_way ? UnknownMethodType::kTwoWay : UnknownMethodType::kOneWay,
                              transaction);
  }
  if (two_way) {
    // Tell the client the method is unknown: result union ordinal 3, UNKNOWN_METHOD inlined.
    fdf_arena_t* arena = nullptr;
    if (fdf_arena_create(0, 'FIDL', &arena) != ZX_OK) return;
    auto* reply = static_cast<TransactionalMessage<WireResultUnion>*>(
        fdf_arena_allocate(arena, sizeof(TransactionalMessage<WireResultUnion>)));
    reply->header = WireMessageHeader::Make(header.txid, header.ordinal, true);
    reply->body.ordinal = kResultFrameworkErrOrdinal;
    reply->body.envelope.SetInline(kFidlFrameworkErrUnknownMethod);
    SendFromDispatch(reply, &kFrameworkErrResultType, arena);
    fdf_arena_drop_ref(arena);
  }
}

OneWayStatus ServerBindingCore::Send(void* message, const FidlType* body_type,
                                     fdf_arena_t* arena) {
  std::shared_lock lock(channel_mu_);
  if (!channel_) return Status::Unbound();
  Status status = channel_->Send(message, body_type, arena);
  lock.unlock();
  OnSendStatus(status);
  return status;
}

OneWayStatus ServerBindingCore::SendFromDispatch(void* message, const FidlType* body_type,
                                                 fdf_arena_t* arena) {
  Status status = channel_->Send(message, body_type, arena);
  OnSendStatus(status);
  return status;
}

void ServerBindingCore::OnSendStatus(const Status& status) {
  if (!status.ok() && !status.is_peer_closed()) TeardownWithError(status);
}

void ServerBindingCore::OnTornDown(const UnbindInfo& info, uint32_t channel_handle) {
  if (on_unbound_) {
    on_unbound_(info, channel_handle);
    on_unbound_ = nullptr;
  } else {
    CloseAnyHandle(channel_handle);
  }
}

}  // namespace fidl::internal
