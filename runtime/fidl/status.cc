#include <lib/fidl/cpp/wire/status.h>
#include <zircon/errors.h>

#include <sstream>

namespace fidl {
namespace {

const char* ReasonName(Reason reason) {
  switch (reason) {
    case Reason::kUnbind: return "user initiated unbind";
    case Reason::kClose: return "user initiated close with epitaph";
    case Reason::kPendingTwoWayCallPreventsUnbind: return "pending two-way call prevents unbind";
    case Reason::kCanceledDueToOtherError: return "canceled due to an earlier error";
    case Reason::kPeerClosedWhileReading: return "peer closed";
    case Reason::kDispatcherError: return "dispatcher shut down";
    case Reason::kTransportError: return "transport error";
    case Reason::kEncodeError: return "encode error";
    case Reason::kDecodeError: return "decode error";
    case Reason::kUnexpectedMessage: return "unexpected message";
    case Reason::kUnknownMethod: return "unknown method";
    case Reason::kAbandonedAsyncReply: return "async completer dropped without a reply";
  }
  return "unknown reason";
}

}  // namespace

const char* Status::status_string() const {
  switch (status_) {
    case ZX_OK: return "ZX_OK";
    case ZX_ERR_INTERNAL: return "ZX_ERR_INTERNAL";
    case ZX_ERR_NOT_SUPPORTED: return "ZX_ERR_NOT_SUPPORTED";
    case ZX_ERR_NO_MEMORY: return "ZX_ERR_NO_MEMORY";
    case ZX_ERR_INVALID_ARGS: return "ZX_ERR_INVALID_ARGS";
    case ZX_ERR_BAD_HANDLE: return "ZX_ERR_BAD_HANDLE";
    case ZX_ERR_WRONG_TYPE: return "ZX_ERR_WRONG_TYPE";
    case ZX_ERR_OUT_OF_RANGE: return "ZX_ERR_OUT_OF_RANGE";
    case ZX_ERR_BUFFER_TOO_SMALL: return "ZX_ERR_BUFFER_TOO_SMALL";
    case ZX_ERR_BAD_STATE: return "ZX_ERR_BAD_STATE";
    case ZX_ERR_TIMED_OUT: return "ZX_ERR_TIMED_OUT";
    case ZX_ERR_CANCELED: return "ZX_ERR_CANCELED";
    case ZX_ERR_PEER_CLOSED: return "ZX_ERR_PEER_CLOSED";
    case ZX_ERR_NOT_FOUND: return "ZX_ERR_NOT_FOUND";
    case ZX_ERR_ACCESS_DENIED: return "ZX_ERR_ACCESS_DENIED";
    case ZX_ERR_IO: return "ZX_ERR_IO";
    case ZX_ERR_PROTOCOL_NOT_SUPPORTED: return "ZX_ERR_PROTOCOL_NOT_SUPPORTED";
    default: return "zx_status_t";
  }
}

std::string Status::FormatDescription() const {
  if (ok()) return "FIDL success";
  std::ostringstream out;
  out << "FIDL operation failed due to " << ReasonName(reason_) << ", status: "
      << status_string() << " (" << status_ << ")";
  if (detail_ != nullptr) out << ", detail: " << detail_;
  return out.str();
}

std::ostream& operator<<(std::ostream& out, const Status& status) {
  return out << status.FormatDescription();
}

}  // namespace fidl
