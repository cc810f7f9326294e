// The JSON document and the plain-text table (both straight views of BenchResult).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "bench/e2e/reports.h"
#include "bench/e2e/targets.h"

namespace fdfkit::bench::e2e {
namespace {

nlohmann::ordered_json RunJson(const RunResult& r) {
  nlohmann::ordered_json j;
  j["depth"] = r.depth;
  j["ops"] = r.ops;
  j["failures"] = r.failures;
  j["wall_s"] = r.wall_s;
  j["iops"] = r.iops;
  j["mib_per_s"] = r.mib_per_s;
  j["latency_us"] = {{"mean", r.mean_us}, {"p50", r.p50_us}, {"p99", r.p99_us},
                     {"p99.9", r.p999_us}, {"max", r.max_us}};
  j["cpu_us_per_op"] = r.cpu_us_per_op;
  j["cpu_utilization"] = r.cpu_utilization;
  j["runqueue_wait_us_per_op"] = r.runqueue_wait_us_per_op;
  j["context_switches_per_op"] = {{"voluntary", r.voluntary_switches_per_op},
                                  {"involuntary", r.involuntary_switches_per_op}};
  j["processes"] = r.processes;
  j["threads"] = r.threads;
  return j;
}

}  // namespace

std::string JsonReport(const BenchResult& result) {
  nlohmann::ordered_json doc;
  doc["schema"] = "fdfkit-e2e-block-bench/1";
  doc["machine"] = {{"nproc", result.machine.nproc},
                    {"kernel", result.machine.kernel},
                    {"cpu", result.machine.cpu}};
  doc["workload"] = {
      {"ops", result.options.ops},
      {"warmup", result.options.warmup},
      {"seed", result.options.seed},
      {"depths", result.options.depths},
      {"op_bytes", kSlotBytes},
      {"mix", "random 4 KiB reads and writes, 50/50, block-aligned in the partition"},
      {"cpu_method", "sum of /proc/<pid>/task/*/schedstat run time over every process involved"}};
  doc["ok"] = result.ok();
  nlohmann::ordered_json variants = nlohmann::ordered_json::array();
  for (const VariantResult& v : result.variants) {
    nlohmann::ordered_json jv;
    jv["variant"] = VariantName(v.variant);
    jv["description"] = v.description;
    jv["built"] = v.built;
    jv["correct"] = v.correct;
    jv["checks"] = v.check_log;
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const RunResult& r : v.runs) runs.push_back(RunJson(r));
    jv["runs"] = std::move(runs);
    variants.push_back(std::move(jv));
  }
  doc["variants"] = std::move(variants);
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  for (const Target& t : ComputeTargets(result)) {
    nlohmann::ordered_json jt;
    jt["target"] = t.name;
    jt["depth"] = t.depth;
    jt["relation"] = t.relation;
    jt["threshold"] = t.threshold;
    jt["ratio"] = t.ratio ? nlohmann::ordered_json(*t.ratio) : nlohmann::ordered_json(nullptr);
    jt["pass"] = t.pass();
    targets.push_back(std::move(jt));
  }
  doc["targets"] = std::move(targets);
  return doc.dump(2) + "\n";
}

std::string TextReport(const BenchResult& result) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-10s %4s %10s %8s %9s %9s %9s %9s %8s %8s %7s %7s %5s\n",
                "variant", "QD", "IOPS", "MiB/s", "p50 us", "p99 us", "p99.9 us", "CPUus/op",
                "CPU/wall", "rqwait/op", "vcs/op", "ics/op", "thr");
  out += line;
  for (const VariantResult& v : result.variants) {
    if (!v.correct) {
      out += std::string(VariantName(v.variant)) + ": FAILED its checks\n";
      for (const std::string& entry : v.check_log) out += "  " + entry + "\n";
    }
    for (const RunResult& r : v.runs) {
      std::snprintf(line, sizeof line,
                    "%-10s %4u %10.0f %8.1f %9.1f %9.1f %9.1f %9.2f %8.2f %8.2f %7.2f %7.2f "
                    "%5llu\n",
                    VariantName(v.variant).data(), r.depth, r.iops, r.mib_per_s, r.p50_us,
                    r.p99_us, r.p999_us, r.cpu_us_per_op, r.cpu_utilization,
                    r.runqueue_wait_us_per_op,
                    r.voluntary_switches_per_op, r.involuntary_switches_per_op,
                    static_cast<unsigned long long>(r.threads));
      out += line;
    }
  }
  out += "\nvariants:\n";
  for (const VariantResult& v : result.variants) {
    out += "  " + std::string(VariantName(v.variant)) + ": " + v.description + "\n";
  }
  std::snprintf(line, sizeof line, "machine: %u CPUs, %s, %s; %llu ops after %llu warm-up\n",
                result.machine.nproc, result.machine.cpu.c_str(), result.machine.kernel.c_str(),
                static_cast<unsigned long long>(result.options.ops),
                static_cast<unsigned long long>(result.options.warmup));
  out += line;
  out += "\ntargets (ratio = dt-inline / other):\n";
  for (const Target& t : ComputeTargets(result)) {
    if (t.ratio) {
      std::snprintf(line, sizeof line, "  %-32s QD%-3u ratio %8.3f %-2s %-5g %s\n", t.name.c_str(),
                    t.depth, *t.ratio, t.relation.c_str(), t.threshold,
                    !t.ratio ? "n/a" : t.pass() ? "pass" : "MISS");
    } else {
      std::snprintf(line, sizeof line, "  %-32s QD%-3u not measured\n", t.name.c_str(), t.depth);
    }
    out += line;
  }
  return out;
}

}  // namespace fdfkit::bench::e2e
