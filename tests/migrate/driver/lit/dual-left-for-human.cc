// ARGS: --mode=dual
// EXIT: 1
// Code seen in one configuration only (#if), templates (their instantiations may differ) and a
// mixin base of a kind the dual server has no place for are left alone, each said at its place.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>

struct OwnBase {};

#ifdef GPIO_DUAL
class InIf : public ddk::GpioImplProtocol<InIf> {};
#else
class InIf : public ddk::GpioImplProtocol<InIf> {};
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV050] InIf is inside #if
// CHECK-FIXES: class InIf : public ddk::GpioImplProtocol<InIf> {};
#endif

template <typename T>
class Templated : public ddk::GpioImplProtocol<Templated<T>> {};
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV051] Templated is in a template

class OwnBased : public ddk::GpioImplProtocol<OwnBased, OwnBase> {};
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: [FDFDRV053] OwnBased serves ddk::GpioImplProtocol over a base of its own (OwnBase)

template <typename Incoming>
void ConnectLater(const Incoming& incoming) {
  auto gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV051] compat::ConnectBanjo is in a template
  (void)gpio;
}

void Start(const std::shared_ptr<fdf::Namespace>& incoming) {
#if 1
  auto gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV050] compat::ConnectBanjo<ddk::GpioImplProtocolClient> is inside #if
  (void)gpio;
#endif
}

int main() { return 0; }
