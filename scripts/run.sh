#!/usr/bin/env bash
# The main job: set up, build, and run fdfkit over the bundled corpus. Today the pipeline is the
# driver runtime: the demo and the runtime benchmark summary (written to out/runtime-bench.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
mkdir -p out
./build/default/runtime/fdf-runtime-demo
./build/default/bench/runtime/runtime_bench --benchmark_min_time=0.2 \
  --benchmark_out=out/runtime-bench.json --benchmark_out_format=json
echo "fdfkit: benchmark results in $(pwd)/out/runtime-bench.json"
