// C++ forms of tokens: a driver registers a protocol on a Zircon token channel and receives the
// fdf channel a peer connects through the other end.
#ifndef LIB_FDF_CPP_PROTOCOL_H_
#define LIB_FDF_CPP_PROTOCOL_H_

#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/token.h>
#include <lib/zx/channel.h>
#include <lib/zx/result.h>

#include <functional>

namespace fdf {

class Protocol : public fdf_token_t {
 public:
  // Called once: ZX_OK with the connected channel, or ZX_ERR_CANCELED with an invalid one.
  using Handler =
      std::function<void(fdf_dispatcher_t* dispatcher, Protocol* protocol, zx_status_t status,
                         fdf::Channel channel)>;

  explicit Protocol(Handler handler) : fdf_token_t{}, handler_(std::move(handler)) {
    fdf_token_t::handler = [](fdf_dispatcher_t* dispatcher, fdf_token_t* token, zx_status_t status,
                              fdf_handle_t handle) {
      auto* self = static_cast<Protocol*>(token);
      self->registered_ = false;
      self->handler_(dispatcher, self, status, fdf::Channel(handle));
    };
  }
  Protocol(const Protocol&) = delete;
  Protocol& operator=(const Protocol&) = delete;

  // Consumes `token`. ZX_ERR_BAD_STATE if already registered or the dispatcher is not running.
  zx_status_t Register(zx::channel token, fdf_dispatcher_t* dispatcher) {
    if (registered_) return ZX_ERR_BAD_STATE;
    zx_status_t status = fdf_token_register(token.release(), dispatcher, this);
    registered_ = status == ZX_OK;
    return status;
  }
  bool is_pending() const { return registered_; }

 private:
  Handler handler_;
  bool registered_ = false;
};

// Hands `channel` to whoever registered the peer of `token`. Consumes both.
inline zx::result<> ProtocolConnect(zx::channel token, fdf::Channel channel) {
  zx_status_t status = fdf_token_transfer(token.release(), channel.release());
  if (status != ZX_OK) return zx::error(status);
  return zx::ok();
}

// Takes a channel already transferred to the peer of `token` (ZX_ERR_NOT_FOUND if none yet; the
// token is then left open and returned to the caller through `token`).
inline zx::result<fdf::Channel> ProtocolReceive(zx::channel& token) {
  fdf_handle_t handle;
  zx_status_t status = fdf_token_receive(token.get(), &handle);
  if (status != ZX_OK) return zx::error(status);
  (void)token.release();  // consumed on success
  return zx::ok(fdf::Channel(handle));
}

}  // namespace fdf

#endif  // LIB_FDF_CPP_PROTOCOL_H_
