// fidl::Status (alias fidl::Error), fidl::OneWayStatus, fidl::Reason and fidl::UnbindInfo: how a
// call, a reply or a binding ended, for both transports.
#ifndef LIB_FIDL_CPP_WIRE_STATUS_H_
#define LIB_FIDL_CPP_WIRE_STATUS_H_

#include <zircon/types.h>

#include <cstdint>
#include <ostream>
#include <string>

namespace fidl {

enum class Reason : uint8_t {
  kUnbind = 1,
  kClose,
  kPendingTwoWayCallPreventsUnbind,
  kCanceledDueToOtherError,
  kPeerClosedWhileReading,
  kDispatcherError,
  kTransportError,
  kEncodeError,
  kDecodeError,
  kUnexpectedMessage,
  kUnknownMethod,
  kAbandonedAsyncReply,
};

class Status {
 public:
  constexpr Status() = default;
  static Status Ok() { return Status(ZX_OK, static_cast<Reason>(0), nullptr); }
  static Status Unbound() { return Status(ZX_ERR_CANCELED, Reason::kUnbind, nullptr); }
  static Status UnknownOrdinal() {
    return Status(ZX_ERR_NOT_SUPPORTED, Reason::kUnexpectedMessage, "unknown ordinal");
  }
  static Status TransportError(zx_status_t status, const char* detail = nullptr) {
    return Status(status, status == ZX_ERR_PEER_CLOSED ? Reason::kPeerClosedWhileReading
                                                       : Reason::kTransportError,
                  detail);
  }
  static Status EncodeError(zx_status_t status, const char* detail = nullptr) {
    return Status(status, Reason::kEncodeError, detail);
  }
  static Status DecodeError(zx_status_t status, const char* detail = nullptr) {
    return Status(status, Reason::kDecodeError, detail);
  }
  static Status UnexpectedMessage(zx_status_t status, const char* detail = nullptr) {
    return Status(status, Reason::kUnexpectedMessage, detail);
  }
  static Status UnknownMethod() {
    return Status(ZX_ERR_NOT_SUPPORTED, Reason::kUnknownMethod, "unknown method");
  }
  static Status Canceled(Reason reason, zx_status_t status = ZX_ERR_CANCELED) {
    return Status(status, reason, nullptr);
  }
  static Status PeerClosed(zx_status_t epitaph = ZX_ERR_PEER_CLOSED) {
    return Status(epitaph, Reason::kPeerClosedWhileReading, nullptr);
  }

  bool ok() const { return status_ == ZX_OK; }
  zx_status_t status() const { return status_; }
  Reason reason() const { return reason_; }
  // A stable, static description of what failed (the codec's error name), or null.
  const char* lossy_description() const { return detail_; }
  bool is_peer_closed() const { return reason_ == Reason::kPeerClosedWhileReading; }
  bool is_canceled() const { return status_ == ZX_ERR_CANCELED; }
  bool is_dispatcher_shutdown() const { return reason_ == Reason::kDispatcherError; }
  const Status& error() const { return *this; }
  std::string FormatDescription() const;
  const char* status_string() const;

 protected:
  constexpr Status(zx_status_t status, Reason reason, const char* detail)
      : status_(status), reason_(reason), detail_(detail) {}

 private:
  zx_status_t status_ = ZX_OK;
  Reason reason_ = static_cast<Reason>(0);
  const char* detail_ = nullptr;
};

using Error = Status;

std::ostream& operator<<(std::ostream& out, const Status& status);

// The result of a one-way call, a reply or an event: never reports peer-closed (the message
// was handed off; whether the peer read it is unknowable).
class OneWayStatus : public Status {
 public:
  OneWayStatus() = default;
  OneWayStatus(const Status& status)
      : Status(status.is_peer_closed() ? Status::Ok() : status) {}
};
using OneWayError = OneWayStatus;

// A binding group's close handler that does nothing: the server needs no word of a closed
// connection (CreateHandler(impl, dispatcher, fidl::kIgnoreBindingClosure)).
struct IgnoreBindingClosureType {};
inline constexpr IgnoreBindingClosureType kIgnoreBindingClosure{};

class UnbindInfo {
 public:
  UnbindInfo() = default;
  explicit UnbindInfo(const Status& status) : status_(status) {}
  static UnbindInfo Unbind() { return UnbindInfo(Status::Canceled(Reason::kUnbind)); }
  static UnbindInfo Close(zx_status_t epitaph) {
    return UnbindInfo(Status::Canceled(Reason::kClose, epitaph), true);
  }
  static UnbindInfo PeerClosed(zx_status_t epitaph) {
    return UnbindInfo(Status::PeerClosed(epitaph));
  }
  static UnbindInfo DispatcherShutdown() {
    return UnbindInfo(Status::Canceled(Reason::kDispatcherError));
  }

  Reason reason() const { return status_.reason(); }
  zx_status_t status() const { return status_.status(); }
  bool is_user_initiated() const {
    return reason() == Reason::kUnbind || reason() == Reason::kClose;
  }
  bool is_peer_closed() const { return status_.is_peer_closed(); }
  bool is_dispatcher_shutdown() const { return status_.is_dispatcher_shutdown(); }
  bool did_send_epitaph() const { return sent_epitaph_; }
  Status ToError() const { return status_; }
  std::string FormatDescription() const { return status_.FormatDescription(); }
  const char* lossy_description() const { return status_.lossy_description(); }

 private:
  UnbindInfo(const Status& status, bool sent_epitaph)
      : status_(status), sent_epitaph_(sent_epitaph) {}
  Status status_;
  bool sent_epitaph_ = false;
};

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_STATUS_H_
