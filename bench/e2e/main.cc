// e2e_block_bench: RFC-0126's six-driver block stack over four transports, measured in one run.
// With the hidden --layer flag the binary is instead one layer process of the channel variant.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <sstream>

#include "bench/e2e/channel_layer.h"
#include "bench/e2e/harness.h"
#include "bench/e2e/reports.h"
#include "support/atomic_write.h"

namespace e2e = fdfkit::bench::e2e;

namespace {

std::string SelfPath(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return argv0;
  return std::string(buf, size_t(n));
}

template <typename T, typename Parse>
bool ParseList(const std::string& text, std::vector<T>* out, Parse parse) {
  out->clear();
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    T value;
    if (!parse(item, &value)) return false;
    out->push_back(value);
  }
  return !out->empty();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"End-to-end benchmark of the six-driver block stack in four transport variants"};
  e2e::Options options;
  std::string depths = "1,2,4,8,32";
  std::string variants = "banjo,dt-inline,dt-queued,channel";
  std::string json_out, html_out, svg_prefix;
  app.add_option("--ops", options.ops, "measured ops per variant and depth")
      ->check(CLI::PositiveNumber);
  app.add_option("--warmup", options.warmup, "warm-up ops before each measurement (excluded)");
  app.add_option("--depths", depths, "queue depths, comma-separated");
  app.add_option("--variants", variants, "variants: banjo,dt-inline,dt-queued,channel");
  app.add_option("--seed", options.seed, "seed of the op sequence");
  app.add_option("--json", json_out, "write the results as JSON");
  app.add_option("--html", html_out, "write the results as a self-contained HTML page");
  app.add_option("--svg", svg_prefix,
                 "write the two charts as standalone SVG: PREFIX-iops.svg, PREFIX-p99.svg");
  // The layer-process mode (channel variant): hidden (empty group).
  std::string layer;
  e2e::LayerProcessArgs layer_args;
  app.add_option("--layer", layer)->group("");
  app.add_option("--parent-pid", layer_args.parent)->group("");
  app.add_option("--serve-fd", layer_args.serve_fd)->group("");
  app.add_option("--below-fd", layer_args.below_fd)->group("");
  app.add_option("--counters-fd", layer_args.counters_fd)->group("");
  CLI11_PARSE(app, argc, argv);

  if (!layer.empty()) {
    if (!e2e::ParseLayer(layer, &layer_args.layer)) {
      std::fprintf(stderr, "e2e: unknown layer %s\n", layer.c_str());
      return 2;
    }
    return e2e::RunLayerProcess(layer_args);
  }

  if (!ParseList<uint32_t>(depths, &options.depths, [](const std::string& s, uint32_t* v) {
        char* end = nullptr;
        unsigned long n = std::strtoul(s.c_str(), &end, 10);
        *v = static_cast<uint32_t>(n);
        return end != s.c_str() && *end == '\0' && n >= 1 && n <= 256;
      })) {
    std::fprintf(stderr, "e2e: --depths wants numbers 1..256, comma-separated\n");
    return 2;
  }
  if (!ParseList<e2e::Variant>(variants, &options.variants,
                               [](const std::string& s, e2e::Variant* v) {
                                 return e2e::ParseVariant(s, v);
                               })) {
    std::fprintf(stderr, "e2e: --variants wants banjo, dt-inline, dt-queued, channel\n");
    return 2;
  }
  options.self = SelfPath(argv[0]);

  e2e::BenchResult result = e2e::RunBenchmark(options);
  std::fputs(e2e::TextReport(result).c_str(), stdout);
  bool written = true;
  if (!json_out.empty()) {
    written = fdfkit::support::WriteFileAtomically(json_out, e2e::JsonReport(result)) && written;
  }
  if (!html_out.empty()) {
    written = fdfkit::support::WriteFileAtomically(html_out, e2e::HtmlReport(result)) && written;
  }
  if (!svg_prefix.empty()) {
    written = fdfkit::support::WriteFileAtomically(svg_prefix + "-iops.svg",
                                                   e2e::ChartSvg(result, e2e::Chart::kIops)) &&
              fdfkit::support::WriteFileAtomically(svg_prefix + "-p99.svg",
                                                   e2e::ChartSvg(result, e2e::Chart::kP99)) &&
              written;
  }
  if (!written) {
    std::fprintf(stderr, "e2e: could not write the reports\n");
    return 1;
  }
  // Only correctness decides the exit status; the targets are reported.
  return result.ok() ? 0 : 1;
}
