// MAPPING: fuchsia.hardware.dma
// EXIT: 1
// A list of structs passed to an @async method is left for a human, and its client with it: the
// rewrite builds a wire list only for a call that waits for its reply.
#include <fuchsia/hardware/dma/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/dma/cpp/banjo.h>

void Done(void* cookie, zx_status_t status) {}

class Engine {
 public:
  void Start(const dma_descriptor_t* descriptors, size_t count) {
    dma_.Queue(descriptors, count, Done, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: [FDFDRV056] dma_.Queue(...): its parameter 'descriptor' (const dma_descriptor_t *) is a list of structs passed to an @async method: the rewrite builds one only for a call that waits for its reply: the call is not rewritten
  }

 private:
  ddk::DmaProtocolClient dma_;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV060] the banjo client dma_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 10 (reported there): not rewritten
};

int main() {
  Engine engine;
  return 0;
}
