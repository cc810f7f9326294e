#!/bin/sh
# migrate-waves on RFC-0126's two stacks as the main job runs it, short: scan and plan
# corpus/drivers with migrate-plan, then replay every wave of the real config (both boards at each
# wave) booting each board with the drivers the build made (migrate-driver's --mode=dual and
# --mode=replace output) and running its checks.
# - The gpio/i2c host switches in wave 2: every one of its banjo drivers boots replaced (the gpio
#   core's pins on Zircon channels, the controllers on the driver transport), and the sensor still
#   reads its temperature.
# - The block stack's layers turn dual in waves 3-5 and its host switches in wave 5, where every
#   block driver boots replaced and the board file names the ported labels.
# usage: stacks_waves_test.sh MIGRATE_PLAN MIGRATE_WAVES FDFKIT_BOOT SOURCE_DIR DRIVERS_DIR
set -eu
plan_tool=$1 waves_tool=$2 boot=$3 source=$4 drivers=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$plan_tool" scan "$source/corpus/drivers" --overlay "$source/corpus/drivers/scan-overlay.json" \
  -o "$work/inventory.json" > /dev/null
"$plan_tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/plan" \
  --tree "$source/corpus/drivers" > /dev/null
status=0
"$waves_tool" --inventory "$work/inventory.json" --plan "$work/plan/plan.json" \
  --board-config "$work/plan/board-config" --tree "$source/corpus/drivers" \
  --config "$source/corpus/drivers/waves.json" --drivers "$drivers" --boot "$boot" \
  -o "$work/out" > "$work/out.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$work/out.log"; echo "FAIL: migrate-waves exited $status"; exit 1
fi
booted() {  # wave, board, variant...
  wave=$1 board=$2
  shift 2
  for variant in "$@"; do
    grep -q "/$variant/$variant.cml" "$work/out/wave-$wave/$board-board.json" \
      || { echo "FAIL: wave $wave did not boot $variant on $board"; exit 1; }
  done
}
for wave in 01 02 03 04 05; do
  grep -q "^block-check depth 16 failed=0 same=16 " "$work/out/wave-$wave/block-stack.events" \
    || { echo "FAIL: wave $wave's block checks"; exit 1; }
  grep -q "^temp-sensor temperature millicelsius=25250 " "$work/out/wave-$wave/gpio-i2c.events" \
    || { echo "FAIL: wave $wave's sensor read"; exit 1; }
done
booted 01 gpio-i2c gpio-impl-dual gpio-dual i2c-impl i2c
booted 02 gpio-i2c gpio-impl-replace gpio-replace i2c-impl-replace i2c-replace
# After the switch the pins' and the controllers' calls run on their own dispatchers.
if grep -q "dispatcher=caller" "$work/out/wave-02/gpio-i2c.events" \
   || ! grep -q "^i2c-impl transact .* dispatcher=own " "$work/out/wave-02/gpio-i2c.events"; then
  echo "FAIL: a banjo call after the gpio/i2c host's switch"; exit 1
fi
booted 04 block-stack block-client-dual partition-dual sdmmc-dual
booted 05 block-stack sdmmc-controller-replace sdmmc-replace block-replace partition-replace \
  block-client-replace
# The tree is left as the last wave made it: the board files name the ported drivers.
grep -q '"//block-stack/sdmmc:sdmmc-fidl"' "$work/out/tree/boards/block-stack.gni" \
  || { echo "FAIL: the tree's block-stack board file after wave 5"; exit 1; }
grep -q '"//gpio-i2c/gpio:gpio-fidl"' "$work/out/tree/boards/gpio-i2c.gni" \
  || { echo "FAIL: the tree's gpio-i2c board file after wave 2"; exit 1; }
echo "PASS"
