#!/usr/bin/env bash
# The main job: set up, build, and run fdfkit over the bundled corpus. Today the pipeline is:
# every corpus file formatted to modern FIDL (out/idl/<library>/<file>.fidl), every library resolved
# and written as JSON IR (out/idl/<library>.ir.json); migrate-protocol's driver-transport clones
# (out/protocols/<library>.{fidl,mapping.json,migration.md}) and their C++ bindings
# (out/bindings/<library>/fidl/<library>/cpp/...); then the driver runtime demo and benchmark
# summaries (out/runtime-bench.json, out/fidl-bench.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
mkdir -p out/idl
shopt -s nullglob
protocols=(corpus/protocols/*/*.fidl corpus/protocols/*/*.banjo)
for dir in corpus/protocols/*/; do
  library=$(basename "$dir")
  mkdir -p "out/idl/$library"
  ./build/default/migrate/idl/fdf-idl format -I corpus/protocols --out-dir "out/idl/$library" \
    "$dir"*.fidl "$dir"*.banjo
done
# One run checks the whole corpus and writes every library's IR (built-ins compiled once).
./build/default/migrate/idl/fdf-idl ir -I corpus/protocols --out-dir out/idl "${protocols[@]}"
echo "fdfkit: corpus protocols in modern FIDL and JSON IR under $(pwd)/out/idl/"
# RFC-0126 step 1: every corpus library (all its files) cloned into driver-transport FIDL by the
# default rules (rules/migrate-protocol.json), with its mapping and migration report. One library
# at a time, as a team migrates them: dependencies not in the run are imported or copied by rule.
# Each library's transport is the one the corpus inventory plans it with, so clones and plan agree.
mkdir -p out/protocols
for dir in corpus/protocols/*/; do
  files=("$dir"*.fidl "$dir"*.banjo)
  ./build/default/migrate/protocol/migrate-protocol -I corpus/protocols -o out/protocols \
    --inventory corpus/inventories/amlogic.json "${files[@]}"
done
echo "fdfkit: driver-transport clones, mappings and migration reports under $(pwd)/out/protocols/"
# The C++ bindings of every clone (wire types, channel and driver transports), as
# fdfkit_fidl_library() would generate them in a driver's build.
mkdir -p out/bindings
for clone in out/protocols/*.fidl; do
  library=$(basename "$clone" .fidl)
  ./build/default/migrate/idl/fdf-idl gen --bindings=wire,channel,driver     -o "out/bindings/$library" -I out/protocols -I corpus/protocols "$clone"
done
echo "fdfkit: C++ bindings of the clones under $(pwd)/out/bindings/"
# The banjo bindings every unmigrated driver still compiles against (fidlgen_banjo's C, C++ and
# mock headers), and the dual-stack shims between each banjo library and its clone, generated
# from the clone's mapping (a method the shims cannot carry is named on stderr, FDFIDL071).
mkdir -p out/banjo out/shims
: > out/shims/left-out.txt
for dir in corpus/protocols/*/; do
  ./build/default/migrate/idl/fdf-idl gen --bindings=banjo-c,banjo-cpp,banjo-mock -o out/banjo \
    -I corpus/protocols "$dir"*.*
done
for mapping in out/protocols/*.mapping.json; do
  clone=${mapping%.mapping.json}
  banjo=$(sed -n 's/.*"banjo": "\([^"]*\)".*/\1/p' "$mapping" | head -n 1)
  ./build/default/migrate/idl/fdf-idl gen --bindings=shims --mapping "$mapping" \
    --banjo corpus/protocols/"$banjo"/*.* -o out/shims -I corpus/protocols -I out/protocols \
    "$clone.fidl" 2>> out/shims/left-out.txt
done
echo "fdfkit: banjo bindings under $(pwd)/out/banjo/, shims under $(pwd)/out/shims/" \
     "($(grep -c FDFIDL071 out/shims/left-out.txt) methods left out: out/shims/left-out.txt)"
# The drivers' own code (migrate-driver): the corpus's banjo clients and server rewritten from
# their library's mapping in both modes, as dry runs — a diff and a report of what is left for a
# human per driver and mode (exit status 1 means there is some; 2 would be an error, which stops
# the job). The build already rewrote pmic-steps and pmic-server with --fix and compiled them
# (fdfkit_migrated_source); each variant boots on its board and answers the same steps.
mkdir -p out/migrate-driver
for driver in pmic-steps/pmic_steps.cc pmic-banjo-user/pmic_banjo_user.cc pmic-server/pmic_server.cc \
              dual-pmic/dual_pmic.cc; do
  name=$(basename "$driver" .cc)
  for mode in replace dual; do
    status=0
    ./build/default/migrate/driver/migrate-driver -p build/default --mode=$mode \
      --mapping out/protocols/fuchsia.hardware.powerimpl.mapping.json \
      --report "out/migrate-driver/$name.$mode.md" \
      "corpus/drivers/$driver" > "out/migrate-driver/$name.$mode.diff" || status=$?
    [ "$status" -le 1 ] || exit "$status"
  done
done
for board in pmic-steps pmic-server; do
  for variant in banjo replace dual; do
    rm -f "out/migrate-driver/$board-$variant.events"
    FDFKIT_DRIVER_EVENT_LOG="$(pwd)/out/migrate-driver/$board-$variant.events" \
      ./build/default/runtime/driver/fdfkit-boot "build/default/drivers/$board-$variant-board.json" \
      --once > "out/migrate-driver/$board-$variant.boot.log" 2>&1
  done
done
echo "fdfkit: migrate-driver's diffs and reports of the corpus banjo drivers in" \
     "$(pwd)/out/migrate-driver/; as rewritten: build/default/corpus/drivers/migrated/"
# RFC-0126's per-host migration plans. The hand-written inventory of the corpus boards (vim3,
# av400, fdfkit-devboard, fdfkit-mediabox), and inventories scanned from the Fuchsia-style trees in
# corpus/tree and corpus/fuchsia-tree (the second shaped as a real checkout is: sparse, generated
# sources, templates, board input bundles; with board-config diffs per host switch); each plan
# checked by the independent verifier and drawn as Markdown and one HTML page.
plan_tool=./build/default/migrate/plan/migrate-plan
$plan_tool plan corpus/inventories/amlogic.json --ports-per-wave 4 -o out/plan/amlogic
$plan_tool verify corpus/inventories/amlogic.json out/plan/amlogic/plan.json --ports-per-wave 4
$plan_tool report corpus/inventories/amlogic.json out/plan/amlogic/plan.json -o out/plan/amlogic/report
$plan_tool scan corpus/tree --overlay corpus/tree/overlay.json -o out/plan/tree/inventory.json
$plan_tool plan out/plan/tree/inventory.json --ports-per-wave 2 -o out/plan/tree
$plan_tool verify out/plan/tree/inventory.json out/plan/tree/plan.json --ports-per-wave 2
$plan_tool report out/plan/tree/inventory.json out/plan/tree/plan.json -o out/plan/tree/report
$plan_tool scan corpus/fuchsia-tree --overlay corpus/fuchsia-tree/overlay.json -o out/plan/fuchsia-tree/inventory.json
$plan_tool plan out/plan/fuchsia-tree/inventory.json --ports-per-wave 2 -o out/plan/fuchsia-tree \
  --tree corpus/fuchsia-tree
$plan_tool verify out/plan/fuchsia-tree/inventory.json out/plan/fuchsia-tree/plan.json --ports-per-wave 2
$plan_tool report out/plan/fuchsia-tree/inventory.json out/plan/fuchsia-tree/plan.json \
  -o out/plan/fuchsia-tree/report
echo "fdfkit: migration plans in $(pwd)/out/plan/{amlogic,tree,fuchsia-tree}/plan.json," \
     "board-config diffs in out/plan/{tree,fuchsia-tree}/board-config/"
echo "fdfkit: HTML migration report: file://$(pwd)/out/plan/amlogic/report/report.html"
echo "fdfkit: HTML migration report of the scanned tree: file://$(pwd)/out/plan/tree/report/report.html"
echo "fdfkit: HTML migration report of the real-world-shaped tree: file://$(pwd)/out/plan/fuchsia-tree/report/report.html"
# RFC-0126's two stacks (issue 22): the six-driver block stack in one host and the gpio/i2c stack
# across two, written in banjo (corpus/drivers/block-stack, gpio-i2c). Their Fuchsia-style tree
# (BUILD.gn, manifests, bind rules, boards/*.gni) scanned and planned host by host; then each
# stack booted as written and as migrate-driver made it at build time (every driver dual; the
# block client replaced; every block layer replaced), running its behaviour checks (block
# read/write/verify through every layer; gpio/i2c transactions).
mkdir -p out/plan/stacks out/stacks
$plan_tool scan corpus/drivers --overlay corpus/drivers/scan-overlay.json -o out/plan/stacks/inventory.json
$plan_tool plan out/plan/stacks/inventory.json --ports-per-wave 2 -o out/plan/stacks --tree corpus/drivers
$plan_tool verify out/plan/stacks/inventory.json out/plan/stacks/plan.json --ports-per-wave 2
$plan_tool report out/plan/stacks/inventory.json out/plan/stacks/plan.json -o out/plan/stacks/report
for board in block-stack block-stack-dual block-stack-wave block-stack-replace; do
  rm -f "out/stacks/$board.events"
  FDFKIT_DRIVER_EVENT_LOG="$(pwd)/out/stacks/$board.events" \
    ./build/default/runtime/driver/fdfkit-boot "build/default/drivers/$board-board.json" \
    --list hosts --once > "out/stacks/$board.boot.log" 2>&1
  grep -q "^block-check depth 16 failed=0 same=16 " "out/stacks/$board.events" \
    || { echo "fdfkit: $board: the block checks failed (out/stacks/$board.events)"; exit 1; }
done
rm -f out/stacks/gpio-i2c.events
FDFKIT_DRIVER_EVENT_LOG="$(pwd)/out/stacks/gpio-i2c.events" \
  ./build/default/runtime/driver/fdfkit-boot build/default/drivers/gpio-i2c-board.json \
  --list hosts --once > out/stacks/gpio-i2c.boot.log 2>&1
grep -q "^temp-sensor temperature millicelsius=25250 " out/stacks/gpio-i2c.events \
  || { echo "fdfkit: gpio-i2c: the sensor was not read (out/stacks/gpio-i2c.events)"; exit 1; }
echo "fdfkit: the stacks' migration plan in $(pwd)/out/plan/stacks/ (report:" \
     "file://$(pwd)/out/plan/stacks/report/report.html); boot logs and checks in out/stacks/"
# The migration itself, wave by wave (migrate-waves): each wave's board-config diffs applied to a
# copy of the tree, both boards booted with the variant of each driver the wave leaves (banjo,
# dual, replaced: what the build made with migrate-driver), their checks run. Every wave must be
# green; a red one stops the job, named, with out/waves/tree at the last green one.
./build/default/migrate/waves/migrate-waves --inventory out/plan/stacks/inventory.json \
  --plan out/plan/stacks/plan.json --board-config out/plan/stacks/board-config \
  --tree corpus/drivers --config corpus/drivers/waves.json --drivers build/default/drivers \
  --boot build/default/runtime/driver/fdfkit-boot -o out/waves
echo "fdfkit: the stacks' migration wave by wave in $(pwd)/out/waves/ (report:" \
     "file://$(pwd)/out/waves/report.html)"
# The driver framework on Linux: boot the example board (corpus/drivers: a SoC driver serving a
# driver-transport and a Zircon-channel service, a colocated consumer of both, a consumer in a host
# of its own, a composite, banjo through compat, a dual-mode PMIC serving a banjo and a
# driver-transport child) in driver host processes, list hosts, devices and drivers, stop it.
./build/default/runtime/driver/fdfkit-boot build/default/drivers/example-board.json \
  --list hosts --list devices-v --list drivers --once > out/driver-board.txt
cat out/driver-board.txt
echo "fdfkit: the example board's hosts, devices and drivers in $(pwd)/out/driver-board.txt"
./build/default/runtime/fdf-runtime-demo
./build/default/bench/runtime/runtime_bench --benchmark_min_time=0.2 \
  --benchmark_out=out/runtime-bench.json --benchmark_out_format=json
./build/default/bench/fidl/fidl_bench --benchmark_min_time=0.1 \
  --benchmark_out=out/fidl-bench.json --benchmark_out_format=json
echo "fdfkit: benchmark results in $(pwd)/out/runtime-bench.json and out/fidl-bench.json"
# RFC-0126's benchmark (bench/e2e): the six-driver block stack over banjo, the driver transport
# (inline, and queued on per-driver loops) and Zircon channels with each driver in its own
# process; random 4 KiB reads and writes at queue depths 1-32. Its exit status says only whether
# every variant moved the right bytes; the targets are in the report, as ratios from this run.
./build/default/bench/e2e/e2e_block_bench --ops 20000 --warmup 2000 \
  --json out/e2e-bench.json --html out/e2e-bench.html > out/e2e-bench.txt
cat out/e2e-bench.txt
echo "fdfkit: end-to-end benchmark in $(pwd)/out/e2e-bench.json, chart: file://$(pwd)/out/e2e-bench.html"
