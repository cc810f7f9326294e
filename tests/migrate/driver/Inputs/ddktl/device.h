// Stand-in for the DFv1 device API a migrated DFv1 client connects through.
#pragma once
#include <lib/fdf/cpp/client_end.h>
#include <lib/ddk/device.h>
#include <lib/zx/result.h>

template <typename Member>
zx::result<fdf::ClientEnd<typename Member::ProtocolType>> DdkConnectRuntimeProtocol(
    zx_device_t* parent) {
  return zx::result<fdf::ClientEnd<typename Member::ProtocolType>>({});
}
template <typename Member>
zx::result<fdf::ClientEnd<typename Member::ProtocolType>> DdkConnectFragmentRuntimeProtocol(
    zx_device_t* parent, const char* fragment) {
  return zx::result<fdf::ClientEnd<typename Member::ProtocolType>>({});
}
// A channel service's member: its client end is the channel's (Member::ClientEndType).
template <typename Member>
zx::result<typename Member::ClientEndType> DdkConnectFidlProtocol(zx_device_t* parent) {
  return zx::result<typename Member::ClientEndType>({});
}
template <typename Member>
zx::result<typename Member::ClientEndType> DdkConnectFragmentFidlProtocol(zx_device_t* parent,
                                                                          const char* fragment) {
  return zx::result<typename Member::ClientEndType>({});
}
