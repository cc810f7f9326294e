#include "bench/e2e/harness.h"

#include <lib/fdf/env.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "bench/e2e/process_stats.h"
#include "bench/e2e/runtime_setup.h"

namespace fdfkit::bench::e2e {
namespace {

// The correctness check's range: 32 blocks (16 KiB) in the partition, and the request that must
// stop at the partition (it runs 4 blocks past the partition's end).
constexpr uint64_t kCheckBlockOffset = 1000;
constexpr uint32_t kCheckBlocks = 32;
constexpr uint64_t kCheckBytes = uint64_t{kCheckBlocks} * bs::kBlockSize;

// A sink for one request at a time, for the checks.
class OneShot : public CompletionSink {
 public:
  void Complete(uint64_t, zx_status_t status) override {
    status_ = status;
    done_.Add();
  }
  zx_status_t Wait() {
    done_.WaitFor(1);
    done_.Reset();
    return status_;
  }

 private:
  zx_status_t status_ = ZX_OK;
  Completion done_;
};

// Sinks outlive the stack's dispatchers: the thread that completed the last request may still be
// returning from the sink (past the Completion it signalled) when the benchmark thread wakes.
using Retired = std::vector<std::unique_ptr<CompletionSink>>;

zx_status_t QueueAndWait(BlockStack& stack, const BlockRequest& request, Retired* retired) {
  auto sink = std::make_unique<OneShot>();
  stack.set_sink(sink.get());
  RunOn(stack.client_dispatcher(), [&] { stack.Queue(request, 0); });
  zx_status_t status = sink->Wait();
  stack.set_sink(nullptr);
  retired->push_back(std::move(sink));
  return status;
}

std::string StatusName(zx_status_t status) {
  switch (status) {
    case ZX_OK:
      return "ZX_OK";
    case ZX_ERR_OUT_OF_RANGE:
      return "ZX_ERR_OUT_OF_RANGE";
    case ZX_ERR_INVALID_ARGS:
      return "ZX_ERR_INVALID_ARGS";
    case ZX_ERR_NOT_FOUND:
      return "ZX_ERR_NOT_FOUND";
    case ZX_ERR_PEER_CLOSED:
      return "ZX_ERR_PEER_CLOSED";
    default:
      return "status " + std::to_string(status);
  }
}

// Set-up and correctness: the geometry the partition shows, a pattern written and read back
// through every layer, and an out-of-range request that must stop at the partition. Fills
// `vmo_id`; false (with the reasons in `log`) if anything is wrong.
bool CheckStack(BlockStack& stack, const zx::vmo& vmo, zx::vmo lent, const LayerCounters& counters,
                uint32_t* vmo_id, std::vector<std::string>* log, Retired* retired) {
  bool ok = true;
  auto expect = [&](bool condition, const std::string& what) {
    log->push_back(std::string(condition ? "ok: " : "FAILED: ") + what);
    ok = ok && condition;
  };

  zx_status_t status = ZX_ERR_INTERNAL;
  bs::Geometry geometry;
  RunAndAwait(stack.client_dispatcher(), [&](std::function<void()> done) {
    stack.Query([&, done](zx_status_t s, bs::Geometry g) {
      status = s;
      geometry = g;
      done();
    });
  });
  bs::Geometry want = bs::PartitionLayer::Describe(bs::RamCard::Describe());
  expect(status == ZX_OK && geometry.block_count == want.block_count &&
             geometry.block_size == want.block_size &&
             geometry.max_transfer_blocks == want.max_transfer_blocks,
         "Query through the stack shows the partition (" + std::to_string(geometry.block_count) +
             " blocks of " + std::to_string(geometry.block_size) + ")");

  status = ZX_ERR_INTERNAL;
  RunAndAwait(stack.client_dispatcher(), [&](std::function<void()> done) {
    stack.RegisterVmo(std::move(lent), [&, done](zx_status_t s, uint32_t id) {
      status = s;
      *vmo_id = id;
      done();
    });
  });
  expect(status == ZX_OK, "RegisterVmo passed down to the controller: " + StatusName(status));
  if (!ok) return false;

  std::vector<uint8_t> pattern(kCheckBytes), back(kCheckBytes, 0);
  for (size_t i = 0; i < pattern.size(); ++i) pattern[i] = uint8_t(i * 131 + (i >> 9) + 7);
  vmo.write(pattern.data(), 0, pattern.size());
  status = QueueAndWait(stack, {bs::kOpWrite, *vmo_id, kCheckBlocks, kCheckBlockOffset, 0},
                        retired);
  expect(status == ZX_OK, "write of 32 blocks: " + StatusName(status));
  vmo.write(back.data(), 0, back.size());  // zeros, so the read must bring the pattern back
  status = QueueAndWait(stack, {bs::kOpRead, *vmo_id, kCheckBlocks, kCheckBlockOffset, 0},
                        retired);
  vmo.read(back.data(), 0, back.size());
  expect(status == ZX_OK && back == pattern,
         "read back through the stack: " + StatusName(status) +
             (back == pattern ? ", bytes equal" : ", bytes DIFFER"));

  uint64_t before[kLayerCount];
  for (int i = 0; i < kLayerCount; ++i) before[i] = counters.Get(static_cast<Layer>(i));
  uint64_t past_end = bs::kPartitionBlocks - 4;
  status = QueueAndWait(stack, {bs::kOpRead, *vmo_id, 8, past_end, 0}, retired);
  uint64_t seen[kLayerCount];
  for (int i = 0; i < kLayerCount; ++i) seen[i] = counters.Get(static_cast<Layer>(i)) - before[i];
  expect(status == ZX_ERR_OUT_OF_RANGE,
         "8 blocks at partition block " + std::to_string(past_end) + ": " + StatusName(status));
  expect(seen[0] == 1 && seen[1] == 0 && seen[2] == 0 && seen[3] == 0,
         "it reached the partition only (requests seen per layer: " + std::to_string(seen[0]) +
             "/" + std::to_string(seen[1]) + "/" + std::to_string(seen[2]) + "/" +
             std::to_string(seen[3]) + ")");
  return ok;
}

double Percentile(const std::vector<uint64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  // Nearest rank.
  size_t rank = static_cast<size_t>(std::ceil(p * double(sorted.size())));
  return double(sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]);
}

// Runs ops[begin, end) at `depth` on the client's dispatcher; the benchmark thread waits once.
// The workload is kept in `retired` (see Retired).
Workload* RunWorkload(BlockStack& stack, const std::vector<Op>& ops, size_t begin, size_t end,
                      uint32_t depth, uint32_t vmo_id, Retired* retired) {
  auto workload = std::make_unique<Workload>(&stack, &ops, begin, end, depth, vmo_id);
  Workload* w = workload.get();
  retired->push_back(std::move(workload));
  stack.set_sink(w);
  RunOn(stack.client_dispatcher(), [w] { w->Start(); });
  w->done().WaitFor(1);
  stack.set_sink(nullptr);
  return w;
}

RunResult Measure(BlockStack& stack, const Options& options, const std::vector<Op>& ops,
                  uint32_t depth, uint32_t vmo_id, Retired* retired) {
  RunWorkload(stack, ops, 0, options.warmup, depth, vmo_id, retired);
  std::vector<pid_t> pids = stack.processes();
  ProcessStats before = ReadProcessStats(pids);
  Workload* w = RunWorkload(stack, ops, options.warmup, options.warmup + options.ops, depth, vmo_id,
                            retired);
  ProcessStats used = ReadProcessStats(pids).Since(before);

  RunResult r;
  r.depth = depth;
  r.ops = options.ops;
  r.failures = w->failures();
  r.wall_s = double(w->end_ns() - w->start_ns()) / 1e9;
  double ops_d = double(options.ops);
  r.iops = r.wall_s > 0 ? ops_d / r.wall_s : 0;
  r.mib_per_s = r.iops * double(kSlotBytes) / double(1 << 20);
  std::vector<uint64_t> sorted = w->latencies_ns();
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (uint64_t v : sorted) sum += double(v);
  r.mean_us = sorted.empty() ? 0 : sum / double(sorted.size()) / 1e3;
  r.p50_us = Percentile(sorted, 0.50) / 1e3;
  r.p99_us = Percentile(sorted, 0.99) / 1e3;
  r.p999_us = Percentile(sorted, 0.999) / 1e3;
  r.max_us = sorted.empty() ? 0 : double(sorted.back()) / 1e3;
  r.cpu_us_per_op = double(used.cpu_ns) / ops_d / 1e3;
  r.cpu_utilization = r.wall_s > 0 ? double(used.cpu_ns) / 1e9 / r.wall_s : 0;
  r.runqueue_wait_us_per_op = double(used.runqueue_wait_ns) / ops_d / 1e3;
  r.voluntary_switches_per_op = double(used.voluntary_switches) / ops_d;
  r.involuntary_switches_per_op = double(used.involuntary_switches) / ops_d;
  r.processes = pids.size();
  r.threads = used.threads;
  return r;
}

std::unique_ptr<BlockStack> Build(Variant variant, const SharedCounters& counters,
                                  const Options& options) {
  switch (variant) {
    case Variant::kBanjo:
      return CreateBanjoStack(counters.get());
    case Variant::kDriverInline:
      return CreateDriverStack(counters.get(), false);
    case Variant::kDriverQueued:
      return CreateDriverStack(counters.get(), true);
    case Variant::kChannel:
      return CreateChannelStack(counters, options.self);
  }
  return nullptr;
}

VariantResult RunVariant(Variant variant, const Options& options, const std::vector<Op>& ops) {
  VariantResult result;
  result.variant = variant;
  SharedCounters counters = SharedCounters::Create();
  std::unique_ptr<BlockStack> stack = Build(variant, counters, options);
  if (stack == nullptr) {
    result.check_log.push_back("FAILED: the stack could not be built");
    fdf_env_reset();
    return result;
  }
  result.built = true;
  result.description = stack->description();
  Retired retired;

  uint32_t depth_max = *std::max_element(options.depths.begin(), options.depths.end());
  uint64_t vmo_bytes = std::max<uint64_t>(kCheckBytes, depth_max * kSlotBytes);
  zx::vmo vmo, lent;
  if (zx::vmo::create(vmo_bytes, 0, &vmo) != ZX_OK ||
      vmo.duplicate(ZX_RIGHT_SAME_RIGHTS, &lent) != ZX_OK) {
    result.check_log.push_back("FAILED: no VMO");
  } else {
    uint32_t vmo_id = 0;
    result.correct =
        CheckStack(*stack, vmo, std::move(lent), *counters.get(), &vmo_id, &result.check_log,
                   &retired);
    if (result.correct) {
      for (uint32_t depth : options.depths) {
        std::fprintf(stderr, "e2e: %s QD%u...\n", VariantName(variant).data(), depth);
        result.runs.push_back(Measure(*stack, options, ops, depth, vmo_id, &retired));
        if (result.runs.back().failures != 0) {
          result.correct = false;
          result.check_log.push_back("FAILED: " + std::to_string(result.runs.back().failures) +
                                     " workload ops failed at QD" + std::to_string(depth));
        }
      }
    }
  }
  stack->Stop();
  stack.reset();
  retired.clear();  // every callback has returned: the dispatchers are gone
  // A fresh pool for the next variant (the queued variant leaves extra threads behind).
  fdf_env_reset();
  return result;
}

Machine DescribeMachine() {
  Machine m;
  m.nproc = static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN));
  utsname u;
  if (uname(&u) == 0) m.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) m.cpu = line.substr(colon + 2);
      break;
    }
  }
  return m;
}

}  // namespace

std::string_view VariantName(Variant variant) {
  switch (variant) {
    case Variant::kBanjo:
      return "banjo";
    case Variant::kDriverInline:
      return "dt-inline";
    case Variant::kDriverQueued:
      return "dt-queued";
    case Variant::kChannel:
      return "channel";
  }
  return "?";
}

bool ParseVariant(std::string_view name, Variant* variant) {
  for (Variant v : kAllVariants) {
    if (VariantName(v) == name) {
      *variant = v;
      return true;
    }
  }
  return false;
}

bool BenchResult::ok() const {
  for (const VariantResult& v : variants) {
    if (!v.built || !v.correct) return false;
  }
  return true;
}

BenchResult RunBenchmark(const Options& options) {
  BenchResult result;
  result.options = options;
  result.machine = DescribeMachine();
  std::vector<Op> ops = MakeOps(options.seed, options.warmup + options.ops, bs::kPartitionBlocks);
  for (Variant variant : options.variants) {
    result.variants.push_back(RunVariant(variant, options, ops));
  }
  return result;
}

}  // namespace fdfkit::bench::e2e
