// MAPPING: fuchsia.hardware.tuner
// EXIT: 1
// SECOND-RUN-EXIT: 0
// --mode=replace: a server method that writes a string into the caller's buffer writes it into one
// on the arena as large as the clone's bound and its NUL (string:32: 33), and replies with the
// text up to the NUL; one that points the caller at its own list (@callee_allocated) points a
// local at it, which the reply carries, no longer than the clone's bound (vector<uint32>:16). The
// parameters keep their names, so the bodies stay.
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.tuner/cpp/driver/wire.h>

#include <algorithm>
#include <cstring>

class Tuner : public ddk::TunerProtocol<Tuner> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Tuner now serves Tuner as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_tuner::Service> with a handler from its binding group
 public:
  zx_status_t TunerGetName(char* out_name, size_t name_capacity) {
    // CHECK-FIXES: void GetName(fdf::Arena& arena, GetNameCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: const size_t name_bound = 33;
    // CHECK-FIXES-NEXT: size_t name_capacity = name_bound;
    // CHECK-FIXES-NEXT: auto* out_name = static_cast<char*>(arena.Allocate(name_bound));
    // CHECK-FIXES-NEXT: out_name[0] = '\0';
    if (name_capacity < 3) return ZX_ERR_BUFFER_TOO_SMALL;
    strncpy(out_name, "fm", name_capacity);
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(fidl::StringView::FromExternal(out_name, static_cast<size_t>(std::find(out_name, out_name + name_bound, '\0') - out_name)));
  }
  zx_status_t TunerGetPresets(uint32_t** out_presets_list, size_t* presets_count) {
    // CHECK-FIXES: void GetPresets(fdf::Arena& arena, GetPresetsCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: uint32_t* presets_list = nullptr;
    // CHECK-FIXES-NEXT: size_t presets_size = 0;
    // CHECK-FIXES-NEXT: uint32_t** out_presets_list = &presets_list;
    // CHECK-FIXES-NEXT: size_t* presets_count = &presets_size;
    *out_presets_list = presets_;
    *presets_count = 2;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(fidl::VectorView<uint32_t>::FromExternal(const_cast<uint32_t*>(presets_list), presets_size < 16 ? presets_size : 16));
  }

 private:
  uint32_t presets_[2] = {88100, 101500};
};

int main() { return 0; }
