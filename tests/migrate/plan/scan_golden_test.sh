#!/bin/bash
# `migrate-plan scan` end to end: the corpus tree scans to exactly corpus/tree/expected-inventory.json,
# the result plans and verifies, and a broken tree exits 1 with a located error and writes nothing.
# Usage: scan_golden_test.sh TOOL REPO [--update]
set -u
tool=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$repo" || fail "no repo at $repo"

"$tool" scan corpus/tree --overlay corpus/tree/overlay.json -o "$work/inventory.json" 2> "$work/scan.log" \
  || { cat "$work/scan.log"; fail "scan exited $?"; }
grep -q "^corpus/tree/boards/vim3.gni:17: unresolved: board label //src/devices/bus/drivers/pci:bus-pci" "$work/scan.log" \
  || { cat "$work/scan.log"; fail "unresolved label not reported"; }
if [ "${3:-}" = "--update" ]; then
  cp "$work/inventory.json" corpus/tree/expected-inventory.json
  echo "updated corpus/tree/expected-inventory.json"
  exit 0
fi
diff -u corpus/tree/expected-inventory.json "$work/inventory.json" || fail "scan output differs from the golden file"

"$tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/out" > /dev/null || fail "scanned inventory does not plan"
"$tool" verify "$work/inventory.json" "$work/out/plan.json" --ports-per-wave 2 > /dev/null || fail "plan does not verify"

# A syntax error in one BUILD.gn: located, exit 1, no inventory.
cp -r corpus/tree "$work/tree"
printf 'fuchsia_driver_component("aml-gpio") {\n  deps = [ ":x"\n}\n' > "$work/tree/src/devices/gpio/drivers/aml-gpio/BUILD.gn"
"$tool" scan "$work/tree" -o "$work/broken.json" 2> "$work/err.log"
[ $? -eq 1 ] || fail "broken tree accepted"
grep -q "tree/src/devices/gpio/drivers/aml-gpio/BUILD.gn:3:1: error: expected ']', found '}'" "$work/err.log" \
  || { cat "$work/err.log"; fail "error not located"; }
[ ! -e "$work/broken.json" ] || fail "inventory written for a broken tree"
echo ok
