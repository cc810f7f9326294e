#!/usr/bin/env bash
# The main job: set up, build, and run fdfkit over the bundled corpus. Today the pipeline is:
# every corpus protocol checked and formatted to modern FIDL by fdf-idl (out/idl/), then the
# driver runtime demo and benchmark summary (out/runtime-bench.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
mkdir -p out/idl
for file in corpus/protocols/*/*.fidl corpus/protocols/*/*.banjo; do
  [ -e "$file" ] || continue
  library=$(basename "$(dirname "$file")")
  ./build/default/migrate/idl/fdf-idl check --syntax-only "$file"
  ./build/default/migrate/idl/fdf-idl format "$file" > "out/idl/$library.fidl.tmp"
  mv "out/idl/$library.fidl.tmp" "out/idl/$library.fidl"
done
echo "fdfkit: corpus protocols in modern FIDL under $(pwd)/out/idl/"
./build/default/runtime/fdf-runtime-demo
./build/default/bench/runtime/runtime_bench --benchmark_min_time=0.2 \
  --benchmark_out=out/runtime-bench.json --benchmark_out_format=json
echo "fdfkit: benchmark results in $(pwd)/out/runtime-bench.json"
