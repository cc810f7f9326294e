// MAPPING: fuchsia.hardware.tuner
// EXIT: 1
// A list the callee allocates, copied into the function's arena, must not outlive it: kept in a
// member, or a local that is handed on, leaves the call (and its client) banjo.
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/tuner/cpp/banjo.h>

void Keep(const uint32_t* list);

class Radio {
 public:
  // CHECK-MESSAGES: :[[@LINE+2]]:33: warning: [FDFDRV056] tuner_.GetPresets(...): its parameter 'presets' (uint32_t **) is a list the callee allocates, copied into the function's arena: only into the address of a local pointer of the function, which cannot outlive it: the call is not rewritten
  zx_status_t Member() {
    zx_status_t status = tuner_.GetPresets(&presets_, &count_);
    return status;
  }
  // CHECK-MESSAGES: :[[@LINE+4]]:33: warning: [FDFDRV056] tuner_.GetPresets(...): its parameter 'presets' (uint32_t **) is a list the callee allocates, copied into the function's arena, and 'list' is used at line [[@LINE+6]], column 10 other than to read through it (it may outlive the arena): the call is not rewritten
  zx_status_t HandedOn() {
    uint32_t* list = nullptr;
    size_t count = 0;
    zx_status_t status = tuner_.GetPresets(&list, &count);
    // CHECK-FIXES: zx_status_t status = tuner_.GetPresets(&list, &count);
    Keep(list);
    return status;
  }

  // CHECK-MESSAGES: :[[@LINE+4]]:33: warning: [FDFDRV056] tuner_.GetPresets(...): its parameter 'presets' (uint32_t **) is a list the callee allocates, copied into the function's arena, and 'list' is used at line [[@LINE+5]], column 11 other than to read through it (it may outlive the arena): the call is not rewritten
  zx_status_t AddressOfAnElement() {
    uint32_t* list = nullptr;
    size_t count = 0;
    zx_status_t status = tuner_.GetPresets(&list, &count);
    Keep(&list[0]);
    return status;
  }
  // CHECK-MESSAGES: :[[@LINE+4]]:36: warning: [FDFDRV056] tuner_.GetPresets(...): its parameter 'presets' (uint32_t **) is a list the callee allocates, copied into the function's arena: only into the address of a local pointer of the function, which cannot outlive it: the call is not rewritten
  zx_status_t InALambda() {
    uint32_t* list = nullptr;
    size_t count = 0;
    auto get = [&] { return tuner_.GetPresets(&list, &count); };
    zx_status_t status = get();
    return status == ZX_OK && list != nullptr ? ZX_OK : ZX_ERR_INTERNAL;
  }

 private:
  ddk::TunerProtocolClient tuner_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV060] the banjo client tuner_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 33 (reported there): not rewritten
  uint32_t* presets_ = nullptr;
  size_t count_ = 0;
};

void Keep(const uint32_t* list) {}

int main() { return 0; }
