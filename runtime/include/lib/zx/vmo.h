#ifndef LIB_ZX_VMO_H_
#define LIB_ZX_VMO_H_

#include <lib/zx/handle.h>

namespace zx {

class vmo final : public object<vmo> {
 public:
  using object<vmo>::object;
  static zx_status_t create(uint64_t size, uint32_t options, vmo* out) {
    zx_handle_t h;
    zx_status_t status = zx_vmo_create(size, options, &h);
    if (status == ZX_OK) out->reset(h);
    return status;
  }
  zx_status_t read(void* data, uint64_t offset, size_t len) const {
    return zx_vmo_read(value_, data, offset, len);
  }
  zx_status_t write(const void* data, uint64_t offset, size_t len) const {
    return zx_vmo_write(value_, data, offset, len);
  }
  zx_status_t get_size(uint64_t* size) const { return zx_vmo_get_size(value_, size); }
  zx_status_t set_size(uint64_t size) const { return zx_vmo_set_size(value_, size); }
};

using unowned_vmo = unowned<vmo>;

}  // namespace zx

#endif  // LIB_ZX_VMO_H_
