#!/bin/sh
# migrate-waves on RFC-0126's real block stack: scan and plan corpus/drivers with migrate-plan,
# then replay waves 1-4 (block-client, partition and sdmmc become dual in waves 3 and 4) booting
# the block-stack board after each with the drivers the build made, and its block checks.
# The gpio-i2c board is left out: its dual variants are not built yet (waves 1 and 2).
# usage: block_stack_waves_test.sh MIGRATE_PLAN MIGRATE_WAVES FDFKIT_BOOT SOURCE_DIR DRIVERS_DIR
set -eu
plan_tool=$1 waves_tool=$2 boot=$3 source=$4 drivers=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$plan_tool" scan "$source/corpus/drivers" --overlay "$source/corpus/drivers/scan-overlay.json" \
  -o "$work/inventory.json" > /dev/null
"$plan_tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/plan" \
  --tree "$source/corpus/drivers" > /dev/null
cat > "$work/waves.json" <<'CONFIG'
{ "schema": "fdfkit-waves-config/1",
  "boards": [ { "id": "block-stack", "gni": "boards/block-stack.gni", "base": "block-stack-board.json",
                "checks": [ { "name": "block I/O through every layer",
                              "event": "^block-check depth 16 failed=0 same=16 " } ] } ] }
CONFIG
status=0
"$waves_tool" --inventory "$work/inventory.json" --plan "$work/plan/plan.json" \
  --board-config "$work/plan/board-config" --tree "$source/corpus/drivers" \
  --config "$work/waves.json" --drivers "$drivers" --boot "$boot" -o "$work/out" \
  --through-wave 4 || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: migrate-waves exited $status"; exit 1
fi
# Wave 4 booted the three dual drivers, and the checks passed.
for variant in block-client-dual partition-dual sdmmc-dual; do
  grep -q "\"$variant\"" "$work/out/wave-04/block-stack-board.json" 2>/dev/null \
    || grep -q "/$variant/$variant.cml" "$work/out/wave-04/block-stack-board.json" \
    || { echo "FAIL: wave 4 did not boot $variant"; exit 1; }
done
grep -q "^block-check depth 16 failed=0 same=16 " "$work/out/wave-04/block-stack.events" \
  || { echo "FAIL: wave 4's block checks"; exit 1; }
echo "PASS"
