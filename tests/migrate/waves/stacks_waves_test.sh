#!/bin/sh
# migrate-waves on RFC-0126's two stacks as the main job runs it, short: scan and plan
# corpus/drivers with migrate-plan, then replay the waves booting each board with the drivers the
# build made (migrate-driver's --mode=dual and --mode=replace output) and running its checks.
# The block stack goes through every wave: its layers turn dual in waves 3-5 and the host switches
# in wave 5, where every block driver boots replaced and the board file names the ported labels.
# The gpio/i2c stack goes through wave 1 (gpio and gpio-impl dual): its host's switch in wave 2
# needs replaced drivers on a Zircon-channel clone, which migrate-driver does not write yet.
# usage: stacks_waves_test.sh MIGRATE_PLAN MIGRATE_WAVES FDFKIT_BOOT SOURCE_DIR DRIVERS_DIR
set -eu
plan_tool=$1 waves_tool=$2 boot=$3 source=$4 drivers=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$plan_tool" scan "$source/corpus/drivers" --overlay "$source/corpus/drivers/scan-overlay.json" \
  -o "$work/inventory.json" > /dev/null
"$plan_tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/plan" \
  --tree "$source/corpus/drivers" > /dev/null
# One board of the real config at a time.
board_config() {
  python3 - "$source/corpus/drivers/waves.json" "$1" > "$work/$1.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["boards"] = [b for b in config["boards"] if b["id"] == sys.argv[2]]
assert config["boards"], sys.argv[2]
print(json.dumps(config))
PY
}
run_waves() {  # board, out, extra options
  board=$1 out=$2
  shift 2
  status=0
  "$waves_tool" --inventory "$work/inventory.json" --plan "$work/plan/plan.json" \
    --board-config "$work/plan/board-config" --tree "$source/corpus/drivers" \
    --config "$work/$board.json" --drivers "$drivers" --boot "$boot" -o "$out" "$@" \
    > "$out.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$out.log"; echo "FAIL: migrate-waves on $board exited $status"; exit 1
  fi
}
board_config block-stack
run_waves block-stack "$work/block"
for wave in 01 02 03 04 05; do
  grep -q "^block-check depth 16 failed=0 same=16 " "$work/block/wave-$wave/block-stack.events" \
    || { echo "FAIL: wave $wave's block checks"; exit 1; }
done
for variant in block-client-dual partition-dual sdmmc-dual; do
  grep -q "/$variant/$variant.cml" "$work/block/wave-04/block-stack-board.json" \
    || { echo "FAIL: wave 4 did not boot $variant"; exit 1; }
done
for variant in sdmmc-controller-replace sdmmc-replace block-replace partition-replace \
               block-client-replace; do
  grep -q "/$variant/$variant.cml" "$work/block/wave-05/block-stack-board.json" \
    || { echo "FAIL: wave 5 did not boot $variant"; exit 1; }
done
# The tree is left as the last wave made it: the board file names the ported drivers.
grep -q '"//block-stack/sdmmc:sdmmc-fidl"' "$work/block/tree/boards/block-stack.gni" \
  || { echo "FAIL: the tree's board file after wave 5"; exit 1; }
board_config gpio-i2c
run_waves gpio-i2c "$work/gpio" --through-wave 1
for variant in gpio-impl-dual gpio-dual; do
  grep -q "/$variant/$variant.cml" "$work/gpio/wave-01/gpio-i2c-board.json" \
    || { echo "FAIL: wave 1 did not boot $variant"; exit 1; }
done
grep -q "^temp-sensor temperature millicelsius=25250 " "$work/gpio/wave-01/gpio-i2c.events" \
  || { echo "FAIL: wave 1's sensor read"; exit 1; }
echo "PASS"
