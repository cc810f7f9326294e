#!/usr/bin/env bash
# The main job: set up, build, and run fdfkit over the bundled corpus. Today the pipeline is:
# every corpus protocol resolved by fdf-idl, formatted to modern FIDL (out/idl/<library>.fidl)
# and written as JSON IR (out/idl/<library>.ir.json); migrate-protocol's driver-transport clones
# (out/protocols/<library>.{fidl,mapping.json,migration.md}); then the driver runtime demo and
# benchmark summary (out/runtime-bench.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
mkdir -p out/idl
shopt -s nullglob
protocols=(corpus/protocols/*/*.fidl corpus/protocols/*/*.banjo)
for file in "${protocols[@]}"; do
  library=$(basename "$(dirname "$file")")
  ./build/default/migrate/idl/fdf-idl format -I corpus/protocols "$file" > "out/idl/$library.fidl.tmp"
  mv "out/idl/$library.fidl.tmp" "out/idl/$library.fidl"
done
# One run checks the whole corpus and writes every library's IR (built-ins compiled once).
./build/default/migrate/idl/fdf-idl ir -I corpus/protocols --out-dir out/idl "${protocols[@]}"
echo "fdfkit: corpus protocols in modern FIDL and JSON IR under $(pwd)/out/idl/"
# RFC-0126 step 1: every corpus protocol cloned into driver-transport FIDL, with its mapping and
# migration report.
mkdir -p out/protocols
for file in "${protocols[@]}"; do
  ./build/default/migrate/protocol/migrate-protocol -I corpus/protocols -o out/protocols "$file"
done
echo "fdfkit: driver-transport clones, mappings and migration reports under $(pwd)/out/protocols/"
./build/default/runtime/fdf-runtime-demo
./build/default/bench/runtime/runtime_bench --benchmark_min_time=0.2 \
  --benchmark_out=out/runtime-bench.json --benchmark_out_format=json
echo "fdfkit: benchmark results in $(pwd)/out/runtime-bench.json"
