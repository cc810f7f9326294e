#!/bin/sh
# Checks tests/runtime/README.md against the test binary: every test it names exists, and every
# rule of the reference's §3 (A1 … O2) has a row with at least one test or benchmark.
# Usage: fuchsia_map_check.sh RUNTIME_TESTS README
set -eu
tests_bin=$1
map=$2
listed=$(mktemp)
trap 'rm -f "$listed"' EXIT
"$tests_bin" --gtest_list_tests | awk '/^[^ ]/{suite=$1} /^ /{print suite $1}' >"$listed"
status=0
for name in $(grep -o '`[A-Za-z]*Test[A-Za-z]*\.[A-Za-z0-9_]*`\|`[A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9_]*`' "$map" | tr -d '`' | sort -u); do
  if ! grep -qx "$name" "$listed"; then
    echo "$map names $name, which runtime_tests does not have" >&2
    status=1
  fi
done
for group in A:5 B:8 C:17 D:13 E:6 F:3 G:6 H:10 I:7 J:7 K:9 L:4 M:6 N:9 O:2; do
  letter=${group%%:*}
  count=${group#*:}
  i=1
  while [ "$i" -le "$count" ]; do
    if ! grep -q "^| $letter$i | .*\`" "$map"; then
      echo "$map: rule $letter$i has no test" >&2
      status=1
    fi
    i=$((i + 1))
  done
done
[ "$status" -eq 0 ] && echo "test map: $(wc -l <"$listed") tests listed, every named test exists, every rule covered"
exit "$status"
