#pragma once
#include <ddktl/device.h>
#include <fuchsia/hardware/sdmmc/cpp/banjo.h>

namespace aml_sdmmc {

class AmlSdmmc;
using DeviceType = ddk::Device<AmlSdmmc>;

/* An SD/eMMC host controller. (Not a ddk::SdmmcProtocolClient: it is the one served.) */
class AmlSdmmc : public DeviceType, public ddk::SdmmcProtocol<AmlSdmmc, ddk::base_protocol> {
 public:
  zx_status_t SdmmcHostInfo(sdmmc_host_info_t* info);
};

}  // namespace aml_sdmmc
