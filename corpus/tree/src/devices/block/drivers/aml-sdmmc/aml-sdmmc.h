#pragma once
#include <fuchsia/hardware/sdmmc/cpp/banjo.h>

class AmlSdmmc : public ddk::Device<AmlSdmmc>, public ddk::SdmmcProtocol<AmlSdmmc, ddk::base_protocol> {};
