#!/bin/bash
# `migrate-plan scan` end to end: the corpus tree scans to exactly corpus/tree/expected-inventory.json,
# the result plans and verifies, its board-config diffs apply in order, and a broken tree exits 1 with a located error and writes nothing.
# Usage: scan_golden_test.sh TOOL REPO [--update]
set -u
tool=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
source "$(dirname "$0")/apply_board_diffs.sh"
cd "$repo" || fail "no repo at $repo"

"$tool" scan corpus/tree --overlay corpus/tree/overlay.json -o "$work/inventory.json" 2> "$work/scan.log" \
  || { cat "$work/scan.log"; fail "scan exited $?"; }
grep -q "^corpus/tree/boards/vim3.gni:17: warning: \[FDFPLAN132\] unresolved: board label //src/devices/bus/drivers/pci:bus-pci" "$work/scan.log" \
  || { cat "$work/scan.log"; fail "unresolved label not reported"; }
if [ "${3:-}" = "--update" ]; then
  cp "$work/inventory.json" corpus/tree/expected-inventory.json
  echo "updated corpus/tree/expected-inventory.json"
  exit 0
fi
diff -u corpus/tree/expected-inventory.json "$work/inventory.json" || fail "scan output differs from the golden file"

"$tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/out" > /dev/null || fail "scanned inventory does not plan"
"$tool" verify "$work/inventory.json" "$work/out/plan.json" --ports-per-wave 2 > /dev/null || fail "plan does not verify"

# Board-config updates: applying every switch diff in plan order leaves each board on the new
# labels (the dual-binary gpio core keeps its one label); every file a delete names exists.
updates="$work/out/board-config/updates.json"
switched=$(apply_board_diffs corpus/tree "$work/out" "$work/applied") || exit 1
[ "$switched" -eq 9 ] || fail "expected 9 switch diffs, got $switched"
for label in aml-gpio aml-i2c aml-ethernet aml-sdmmc sdmmc wlanphy; do
  grep -q "drivers/$label\"" "$work/applied/boards/vim3.gni" && fail "vim3 still lists the banjo $label"
done
grep -q '"//src/connectivity/ethernet/drivers/dwmac:package-fidl"' "$work/applied/boards/vim3.gni" || fail "dwmac not on its existing variant"
grep -q '"//src/devices/gpio/drivers/gpio",' "$work/applied/boards/vim3.gni" || fail "dual binary label changed"
grep -q '"//src/devices/i2c/drivers/i2c:i2c-fidl"' "$work/applied/boards/common/arm64-common.gni" || fail "shared label not swapped"
[ "$(grep -c 'aml-sdmmc' "$work/applied/boards/pinecrest.gni")" -eq 1 ] || fail "pinecrest lists aml-sdmmc twice at the end"
grep -q "is shared with other boards" "$updates" || fail "no note for the shared label"
grep -q "added beside //src/devices/block/drivers/aml-sdmmc" "$updates" || fail "no note for the split host"
python3 - "$updates" corpus/tree <<'PY' || fail "a delete names a missing file"
import json, os, sys
doc = json.load(open(sys.argv[1]))
names = [f for w in doc["waves"] for u in w["updates"] for f in u.get("files", [])]
assert names, "no files to delete"
missing = [f for f in names if not os.path.isfile(os.path.join(sys.argv[2], f))]
assert not missing, missing
PY

# A syntax error in one BUILD.gn: located, exit 1, no inventory.
cp -r corpus/tree "$work/tree"
printf 'fuchsia_driver_component("aml-gpio") {\n  deps = [ ":x"\n}\n' > "$work/tree/src/devices/gpio/drivers/aml-gpio/BUILD.gn"
"$tool" scan "$work/tree" -o "$work/broken.json" 2> "$work/err.log"
[ $? -eq 1 ] || fail "broken tree accepted"
grep -q "tree/src/devices/gpio/drivers/aml-gpio/BUILD.gn:3:1: error: \[FDFPLAN102\] expected ']', found '}'" "$work/err.log" \
  || { cat "$work/err.log"; fail "error not located"; }
[ ! -e "$work/broken.json" ] || fail "inventory written for a broken tree"
echo ok
