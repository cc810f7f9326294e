#!/bin/bash
# `migrate-plan` on corpus/fuchsia-tree, a tree shaped as a real Fuchsia checkout is (sparse,
# generated sources, in-tree templates, foreach, board input bundles, a board argument deciding a
# group): the scan equals corpus/fuchsia-tree/expected-inventory.json, the plan verifies, and its
# board-config diffs apply in order, editing .gni lists and input bundles alike, with a note where
# a label is computed and cannot be edited.
# Usage: fuchsia_tree_test.sh TOOL REPO [--update]
set -u
tool=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
source "$(dirname "$0")/apply_board_diffs.sh"
cd "$repo" || fail "no repo at $repo"
tree=corpus/fuchsia-tree

"$tool" scan $tree --overlay $tree/overlay.json -o "$work/inventory.json" 2> "$work/scan.log" \
  || { cat "$work/scan.log"; fail "scan exited $?"; }
if [ "${3:-}" = "--update" ]; then
  cp "$work/inventory.json" $tree/expected-inventory.json
  echo "updated $tree/expected-inventory.json"
  exit 0
fi
diff -u $tree/expected-inventory.json "$work/inventory.json" || fail "scan output differs from the golden file"
# What the checkout lacks is said, located, and nothing else is.
grep -c "warning:" "$work/scan.log" | grep -qx 9 || { cat "$work/scan.log"; fail "expected 9 findings"; }
for finding in "block/drivers/aml-sdmmc/BUILD.gn:16: warning: \[FDFPLAN149\]" \
               "i2c/drivers/aml-i2c/BUILD.gn:17: warning: \[FDFPLAN150\]" \
               "serial/drivers/aml-uart/BUILD.gn:20: warning: \[FDFPLAN151\]" \
               "block/drivers/aml-sdmmc/BUILD.gn:7: warning: \[FDFPLAN152\]" \
               "block/drivers/aml-sdmmc/BUILD.gn:4:1: warning: \[FDFPLAN131\]"; do
  grep -q "^$tree/src/devices/$finding" "$work/scan.log" || { cat "$work/scan.log"; fail "not located: $finding"; }
done
grep -q "^$tree/src/connectivity/bluetooth/hci/transport/uart/BUILD.gn:16: warning: \[FDFPLAN158\]" "$work/scan.log" \
  || fail "empty source not said"

"$tool" plan "$work/inventory.json" --ports-per-wave 2 -o "$work/out" --tree $tree > /dev/null \
  || fail "scanned inventory does not plan"
"$tool" verify "$work/inventory.json" "$work/out/plan.json" --ports-per-wave 2 > /dev/null || fail "plan does not verify"

updates="$work/out/board-config/updates.json"
switched=$(apply_board_diffs $tree "$work/out" "$work/applied") || exit 1
[ "$switched" -eq 7 ] || fail "expected 7 switch diffs, got $switched"
# The legacy .gni and the input bundles end on the new labels; the dual-binary gpio core and the
# labels a foreach computes stay as written.
for label in '//src/devices/gpio/drivers:gpio-drivers-fidl' '//src/devices/block/drivers/aml-sdmmc:aml-sdmmc-fidl'; do
  grep -q "\"$label\"" "$work/applied/boards/vim3.gni" || fail "vim3.gni lacks $label"
done
grep -q '"//src/devices/gpio/drivers:gpio-drivers"' "$work/applied/boards/vim3.gni" && fail "vim3 still lists the banjo gpio group"
for package in 'i2c/drivers/aml-i2c:aml-i2c-package' 'serial/drivers/aml-uart:package'; do
  grep -q "package_target = \"//src/devices/$package-fidl\"" "$work/applied/boards/vim3/BUILD.gn" \
    || fail "vim3 bundle lacks $package-fidl"
done
grep -q 'package_target = "//src/ui/input/drivers/focaltech:package-fidl"' "$work/applied/boards/vim3/BUILD.gn" \
  || fail "vim3 bundle lacks focaltech's new package"
grep -q 'package_target = "//src/devices/gpio/drivers:gpio-drivers-fidl"' "$work/applied/boards/av400/BUILD.gn" \
  || fail "av400 bundle not switched"
cmp -s $tree/boards/common/arm64-common.gni "$work/applied/boards/common/arm64-common.gni" \
  || fail "a computed label was edited"
grep -q 'is computed from \\"//src/devices/\$driver\\" (boards/common/arm64-common.gni:8); replace it by' "$updates" \
  || fail "no note for the computed label"
echo ok
