#include "aml-sdmmc.h"

namespace aml_sdmmc {

zx_status_t AmlSdmmc::SdmmcHostInfo(sdmmc_host_info_t* info) { return ZX_OK; }

}  // namespace aml_sdmmc
