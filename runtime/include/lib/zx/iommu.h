// zx::iommu: owns an IOMMU handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_IOMMU_H_
#define LIB_ZX_IOMMU_H_

#include <lib/zx/handle.h>

namespace zx {

class iommu final : public object<iommu> {
 public:
  using object<iommu>::object;
  iommu(handle&& h) : object(h.release()) {}
};

using unowned_iommu = unowned<iommu>;

}  // namespace zx

#endif  // LIB_ZX_IOMMU_H_
