// MAPPING: fuchsia.hardware.tuner
// --mode=replace: a string the callee writes into the caller's buffer is copied out of the
// response with its NUL, or the call fails with ZX_ERR_BUFFER_TOO_SMALL when it does not fit, as a
// buffer does; a list the callee allocates (@callee_allocated) is copied into the function's
// arena, since the response's memory ends with the call: only into a local pointer read through,
// which cannot outlive it.
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.tuner/cpp/driver/wire.h>

#include <algorithm>

class Radio {
 public:
  zx_status_t Name(char* text, size_t size) {
    zx_status_t status = tuner_.GetName(text, size);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = tuner_.buffer(arena)->GetName();
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: if (result->value()->name.size() >= size) return ZX_ERR_BUFFER_TOO_SMALL;
    // CHECK-FIXES-NEXT: std::copy(result->value()->name.begin(), result->value()->name.end(), text);
    // CHECK-FIXES-NEXT: text[result->value()->name.size()] = '\0';
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
    return status;
  }
  // A capacity that is an expression is compared whole.
  zx_status_t NameIfRoom(char* text, size_t size, bool room) {
    return tuner_.GetName(text, room ? size : 0);
    // CHECK-FIXES: if (result->value()->name.size() >= (room ? size : 0)) return ZX_ERR_BUFFER_TOO_SMALL;
  }
  uint32_t FirstPreset() {
    uint32_t* presets = nullptr;
    size_t count = 0;
    if (tuner_.GetPresets(&presets, &count) != ZX_OK || presets == nullptr || count == 0) {
      // CHECK-FIXES: if ([&]() -> zx_status_t {
      // CHECK-FIXES-NEXT: auto result = tuner_.buffer(arena)->GetPresets();
      // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
      // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
      // CHECK-FIXES-NEXT: {
      // CHECK-FIXES-NEXT: auto* copied = static_cast<uint32_t*>(arena.Allocate(sizeof(uint32_t) * result->value()->presets.count()));
      // CHECK-FIXES-NEXT: std::copy(result->value()->presets.begin(), result->value()->presets.end(), copied);
      // CHECK-FIXES-NEXT: presets = copied;
      // CHECK-FIXES-NEXT: }
      // CHECK-FIXES-NEXT: count = result->value()->presets.count();
      // CHECK-FIXES-NEXT: return ZX_OK;
      // CHECK-FIXES-NEXT: }() != ZX_OK || presets == nullptr || count == 0) {
      return 0;
    }
    return *presets + presets[count - 1];
  }

 private:
  ddk::TunerProtocolClient tuner_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_tuner::Tuner> tuner_;
};

int main() { return 0; }
