#include <lib/driver/compat/cpp/parent_device.h>

#include "runtime/driver/component/device.h"

namespace compat {

ParentDevice::ParentDevice(std::shared_ptr<fdf::Namespace> incoming)
    : device_(new zx_device{std::move(incoming)}) {}

ParentDevice::~ParentDevice() = default;
ParentDevice::ParentDevice(ParentDevice&&) noexcept = default;
ParentDevice& ParentDevice::operator=(ParentDevice&&) noexcept = default;

}  // namespace compat
