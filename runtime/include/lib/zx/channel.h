#ifndef LIB_ZX_CHANNEL_H_
#define LIB_ZX_CHANNEL_H_

#include <lib/zx/handle.h>

namespace zx {

class channel final : public object<channel> {
 public:
  using object<channel>::object;
  channel(handle&& h) : object(h.release()) {}

  static zx_status_t create(uint32_t options, channel* end0, channel* end1) {
    zx_handle_t h0, h1;
    zx_status_t status = zx_channel_create(options, &h0, &h1);
    if (status != ZX_OK) return status;
    end0->reset(h0);
    end1->reset(h1);
    return ZX_OK;
  }
  zx_status_t write(uint32_t options, const void* bytes, uint32_t num_bytes,
                    const zx_handle_t* handles, uint32_t num_handles) const {
    return zx_channel_write(value_, options, bytes, num_bytes, handles, num_handles);
  }
  zx_status_t read(uint32_t options, void* bytes, zx_handle_t* handles, uint32_t num_bytes,
                   uint32_t num_handles, uint32_t* actual_bytes, uint32_t* actual_handles) const {
    return zx_channel_read(value_, options, bytes, handles, num_bytes, num_handles, actual_bytes,
                           actual_handles);
  }
};

using unowned_channel = unowned<channel>;

}  // namespace zx

#endif  // LIB_ZX_CHANNEL_H_
