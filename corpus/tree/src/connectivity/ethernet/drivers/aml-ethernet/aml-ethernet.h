#pragma once
#include <fidl/fuchsia.hardware.i2c/cpp/wire.h>
#include <fuchsia/hardware/ethernet/board/cpp/banjo.h>

namespace eth {

// Board glue for the DesignWare MAC: resets the PHY over I2C and serves EthBoard to dwmac.
class AmlEthernet : public ddk::Device<AmlEthernet>,
                    public ddk::EthBoardProtocol<AmlEthernet, ddk::base_protocol> {
 public:
  void EthBoardResetPhy();
};

}  // namespace eth
