// Stand-in for the bases the banjo C++ server mixins default to, which every stand-in banjo header
// (and a test including several) shares: the mixin's own base, and the DFv1 base protocol marker.
#pragma once

namespace ddk {
namespace internal {
class base_mixin {};
}  // namespace internal
class base_protocol {};
}  // namespace ddk
