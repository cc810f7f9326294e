#pragma once
#include <fuchsia/hardware/wlanphyimpl/cpp/banjo.h>

class Device : public ddk::Device<Device>, public ddk::WlanphyImplProtocol<Device, ddk::base_protocol> {};
