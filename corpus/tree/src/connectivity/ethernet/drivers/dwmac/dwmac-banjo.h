#pragma once
#include <fuchsia/hardware/ethernet/board/cpp/banjo.h>
#include <fuchsia/hardware/ethernet/mac/cpp/banjo.h>

#include "dwmac-core.h"

namespace eth {

class DWMacDevice : public ddk::Device<DWMacDevice>,
                    public ddk::EthMacProtocol<DWMacDevice, ddk::base_protocol> {
 private:
  ddk::EthBoardProtocolClient eth_board_;
  DwMacCore core_;
};

}  // namespace eth
