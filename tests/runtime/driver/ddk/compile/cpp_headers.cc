// The DDK-surface C++ headers banjo's generated C++ headers include, with each handle type.
// Compiled by c_headers_compile.sh with warnings as errors: ddktl and mock-function as C++17 (as
// fidlgen_banjo's output is), the lib/zx headers as C++20 (lib/zx/time.h uses operator<=>).
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <lib/ddk/driver.h>
#include <lib/mock-function/mock-function.h>
#include <zircon/assert.h>

#include <tuple>

#ifdef WITH_ZX
#include <lib/zx/bti.h>
#include <lib/zx/channel.h>
#include <lib/zx/clock.h>
#include <lib/zx/event.h>
#include <lib/zx/eventpair.h>
#include <lib/zx/fifo.h>
#include <lib/zx/interrupt.h>
#include <lib/zx/iommu.h>
#include <lib/zx/job.h>
#include <lib/zx/msi.h>
#include <lib/zx/pmt.h>
#include <lib/zx/port.h>
#include <lib/zx/process.h>
#include <lib/zx/profile.h>
#include <lib/zx/resource.h>
#include <lib/zx/socket.h>
#include <lib/zx/stream.h>
#include <lib/zx/thread.h>
#include <lib/zx/timer.h>
#include <lib/zx/vmar.h>
#include <lib/zx/vmo.h>
#endif

namespace ddk {
namespace internal {
DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(has_sample_protocol_read, SampleRead,
                                          zx_status_t (C::*)(uint32_t index, uint8_t* out_value));
}  // namespace internal
}  // namespace ddk

struct Sample : ddk::base_protocol {
  zx_status_t SampleRead(uint32_t index, uint8_t* out_value) {
    ZX_DEBUG_ASSERT(out_value != nullptr);
    *out_value = static_cast<uint8_t>(index);
    return ZX_OK;
  }
};
static_assert(ddk::internal::has_sample_protocol_read<Sample>::value, "SampleRead");
static_assert(ddk::internal::is_base_proto<Sample>::value, "base_protocol");

zx_status_t UseMock() {
  mock_function::MockFunction<std::tuple<zx_status_t, uint8_t>, uint32_t> mock_read;
  mock_function::MockFunction<void, uint32_t> mock_write;
  mock_read.ExpectCall({ZX_OK, 5}, 3);
  mock_write.ExpectNoCall();
  std::tuple<zx_status_t, uint8_t> ret = mock_read.Call(3);
  mock_read.VerifyAndClear();
  mock_write.VerifyAndClear();
  return std::get<0>(ret);
}
