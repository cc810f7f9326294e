// --mode=replace: @async calls that stay banjo, each with its reason; every other call on the
// same client stays with it.
// MAPPING: fuchsia.hardware.sampler
// EXIT: 1
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES-NOT: wire.h

void OnSample(void* ctx, zx_status_t status, uint32_t value) {}

// A local client: an fdf::WireClient would be gone before the reply.
void ReadOnce(zx_device_t* parent) {
  ddk::SamplerProtocolClient sampler(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: [FDFDRV060] the banjo client sampler stays banjo with its calls, because of the call at line [[@LINE+1]], column 11 (reported there): not rewritten
  sampler.ReadSample(0, OnSample, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: [FDFDRV055] sampler.ReadSample(...) is @async (callback and cookie) and is called on a client that is not a member: an fdf::WireClient that goes out of scope cancels the reply its callback waits for: not rewritten
  // CHECK-FIXES: sampler.ReadSample(0, OnSample, nullptr);
}

class Reader {
 public:
  void* NextCookie() { return &count_; }
  // The cookie is computed where the call is made; captured by the continuation, it would be
  // computed after the request's arguments.
  void Start() {
    sampler_.ReadSample(1, OnSample, NextCookie());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: [FDFDRV056] sampler_.ReadSample(...): its parameter 'cookie' (void *) has side effects, which would run in another order: the call is not rewritten
  }
  // The address of a local as the cookie: the reply may come after the function returned.
  uint32_t ReadNow() {
    uint32_t value = 0;
    sampler_.ReadSample(3, OnSample, &value);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: [FDFDRV056] sampler_.ReadSample(...): its parameter 'cookie' (void *) points to the local 'value', which the reply may come after: the call is not rewritten
    return value;
  }
  // Returned as the value of a void function.
  void Again() { return sampler_.ReadSample(2, OnSample, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: [FDFDRV055] sampler_.ReadSample(...) is @async (callback and cookie) and is used as a value: not rewritten
  zx_status_t Resolution(uint8_t* bits) {
    return sampler_.GetResolution(bits);
    // CHECK-FIXES: return sampler_.GetResolution(bits);
  }

 private:
  ddk::SamplerProtocolClient sampler_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: [FDFDRV060] the banjo client sampler_ stays banjo with its calls, because of the call at line 26, column 14 (reported there): not rewritten
  // CHECK-FIXES: ddk::SamplerProtocolClient sampler_;
  int count_ = 0;
};

int main() {
  Reader reader;
  reader.Start();
  uint8_t bits = 0;
  return reader.Resolution(&bits);
}
