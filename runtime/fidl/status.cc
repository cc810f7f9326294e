#include <lib/fidl/cpp/wire/status.h>
#include <zircon/errors.h>
#include <zircon/status.h>

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

const char* Status::status_string() const { return zx_status_get_string(status_); }

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
