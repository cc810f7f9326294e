// Variant 4's layer processes: the benchmark binary re-executed with --layer=<name> runs one layer
// of the stack as a driver host of its own, serving fdfkit.bench.blockio over the Zircon channel
// it inherited (--serve-fd) and, but for the controller, a client of the layer below over another
// (--below-fd). It exits once its caller closes the channel, after closing its own client (so the
// stack below follows), and dies with the benchmark (PR_SET_PDEATHSIG).
#ifndef FDFKIT_BENCH_E2E_CHANNEL_LAYER_H_
#define FDFKIT_BENCH_E2E_CHANNEL_LAYER_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "bench/e2e/layer_logic.h"

namespace fdfkit::bench::e2e {

struct LayerProcessArgs {
  Layer layer = Layer::kPartition;
  pid_t parent = 0;
  int serve_fd = -1;
  int below_fd = -1;  // none for the controller
  int counters_fd = -1;
};

// The command line that makes `self` run `args` (the flags main.cc parses).
std::vector<std::string> LayerCommandLine(const std::string& self, const LayerProcessArgs& args);

// The layer process's main: returns its exit status.
int RunLayerProcess(const LayerProcessArgs& args);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_CHANNEL_LAYER_H_
