// Stand-in for fdf::ClientEnd: what a driver-transport connection hands back.
#pragma once
namespace fdf {
template <typename Protocol>
class ClientEnd {};
}  // namespace fdf
