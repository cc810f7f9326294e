// One built block stack (partition → block device → sdmmc core → controller) in one transport
// variant, as the top client sees it. The harness drives every variant through this interface,
// so they share the workload, the checks and the measurements.
#ifndef FDFKIT_BENCH_E2E_BLOCK_STACK_H_
#define FDFKIT_BENCH_E2E_BLOCK_STACK_H_

#include <lib/fdf/dispatcher.h>
#include <lib/zx/vmo.h>
#include <sys/types.h>
#include <zircon/types.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench/e2e/layer_logic.h"
#include "bench/e2e/workload.h"

namespace fdfkit::bench::e2e {

enum class Variant { kBanjo, kDriverInline, kDriverQueued, kChannel };
inline constexpr Variant kAllVariants[] = {Variant::kBanjo, Variant::kDriverInline,
                                           Variant::kDriverQueued, Variant::kChannel};
std::string_view VariantName(Variant variant);  // banjo, dt-inline, dt-queued, channel
bool ParseVariant(std::string_view name, Variant* variant);

class BlockStack : public BlockPort {
 public:
  // The top client's dispatcher: the workload and every call below start on it.
  virtual fdf_dispatcher_t* client_dispatcher() const = 0;
  // Each is called on the client's dispatcher; `done` runs once (on the client's dispatcher, or
  // for banjo on whatever thread answered).
  virtual void Query(std::function<void(zx_status_t, bs::Geometry)> done) = 0;
  virtual void RegisterVmo(zx::vmo vmo, std::function<void(zx_status_t, uint32_t)> done) = 0;
  // BlockPort::Queue: completions go to the sink set here.
  void set_sink(CompletionSink* sink) { sink_ = sink; }
  // The processes whose CPU the stack uses (0: this one).
  virtual std::vector<pid_t> processes() const { return {0}; }
  // How the variant is built, for the report.
  virtual std::string description() const = 0;
  // Ends the stack (dispatchers, bindings, processes); called once, from the benchmark thread.
  virtual void Stop() = 0;

 protected:
  CompletionSink* sink_ = nullptr;
};

// Each starts the runtime's threads for itself (fdf_env_start) and builds the stack; the caller
// calls Stop, then destroys it, then resets the runtime (so every variant starts on a fresh pool).
std::unique_ptr<BlockStack> CreateBanjoStack(LayerCounters* counters);
// `queued`: every dispatcher with FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS, which the runtime never
// runs inline (rule H2), so every call and every reply goes through the target's own loop.
std::unique_ptr<BlockStack> CreateDriverStack(LayerCounters* counters, bool queued);
// Each layer in a process of its own: `self` re-executed with --layer (channel_layer.h).
std::unique_ptr<BlockStack> CreateChannelStack(const SharedCounters& counters,
                                               const std::string& self);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_BLOCK_STACK_H_
