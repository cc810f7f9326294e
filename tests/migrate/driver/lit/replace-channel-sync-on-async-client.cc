// ARGS: --mode=replace
// EXIT: 1
// A client of a clone on Zircon channels called @async becomes a fidl::WireClient
// (our fidl::WireClient has no sync()): a call on it that waits for its reply is left, and
// the client with it.
// MAPPING-TEXT: {"schema":"fdfkit-mapping/1","library":{"banjo":"fuchsia.hardware.sampler","fidl":"fuchsia.hardware.sampler"},"protocols":[{"banjo":{"protocol":"Sampler","layout":"ddk-protocol","c_ops_type":"sampler_protocol_ops_t","c_protocol_type":"sampler_protocol_t","protocol_id":"ZX_PROTOCOL_SAMPLER","cpp_mixin":"ddk::SamplerProtocol","cpp_client":"ddk::SamplerProtocolClient"},"fidl":{"protocol":"Sampler","openness":"closed","transport":"channel","transport_from":{"source":"defaults","where":"rules/migrate-protocol.json: $.defaults.transport"},"service":{"name":"Service","member":"device"}},"methods":[{"banjo":{"method":"GetResolution","c_ops_member":"get_resolution","cpp_mixin":"SamplerGetResolution","cpp_client":"GetResolution","async":false},"fidl":{"protocol":"Sampler","method":"GetResolution","kind":"two-way","strictness":"strict","ordinal":6410299222928112204},"parameters":[{"banjo":"s","direction":"out","c":["zx_status_t return"],"becomes":"error","reason":"a leading zx.Status becomes `error zx.Status`"},{"banjo":"bits","direction":"out","c":["out_bits"],"becomes":"response","field":"bits"}],"status":"error_syntax"},{"banjo":{"method":"ReadSample","c_ops_member":"read_sample","cpp_mixin":"SamplerReadSample","cpp_client":"ReadSample","async":true,"c_callback":"sampler_read_sample_callback"},"fidl":{"protocol":"Sampler","method":"ReadSample","kind":"two-way","strictness":"strict","ordinal":4147886632174376713},"parameters":[{"banjo":"channel","direction":"in","c":["channel"],"becomes":"request","field":"channel"},{"banjo":"s","direction":"out","c":["zx_status_t return"],"becomes":"error","reason":"a leading zx.Status becomes `error zx.Status`"},{"banjo":"value","direction":"out","c":["out_value"],"becomes":"response","field":"value"},{"banjo":"callback","direction":"in","c":["sampler_read_sample_callback callback"],"becomes":"dropped","reason":"the reply message replaces the completion callback"},{"banjo":"cookie","direction":"in","c":["void* cookie"],"becomes":"dropped","reason":"the FIDL transaction identifies the call"}],"status":"error_syntax"}]}]}
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/sampler/cpp/banjo.h>

void OnSample(void*, zx_status_t, uint32_t) {}

class Reader {
 public:
  void Start() {
    uint8_t bits = 0;
    if (sampler_.GetResolution(&bits) != ZX_OK) return;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: [FDFDRV071] sampler_.GetResolution(...) waits for its reply, and the client is also called @async: the fidl::WireClient it becomes (its clone is on Zircon channels) makes no synchronous calls: not rewritten (keep a fidl::WireSyncClient beside it)
    sampler_.ReadSample(bits, OnSample, nullptr);
  }

 private:
  ddk::SamplerProtocolClient sampler_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: [FDFDRV060] the banjo client sampler_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 18 (reported there): not rewritten
  // CHECK-FIXES: ddk::SamplerProtocolClient sampler_;
};

int main() {
  Reader().Start();
  return 0;
}
