# Sourced by the scan golden tests: apply_board_diffs TREE OUT APPLIED copies TREE to APPLIED and
# applies, in plan order, every switch diff OUT/board-config/updates.json names; prints how many.
# Calls `fail` (the caller's) on a diff that does not apply.
apply_board_diffs() {
  local tree=$1 out=$2 applied=$3
  [ -f "$out/board-config/updates.json" ] || fail "no board-config/updates.json" >&2
  cp -r "$tree" "$applied"
  python3 - "$out/board-config/updates.json" > "$out/diffs.txt" <<'PY' || fail "updates.json unreadable" >&2
import json, sys
doc = json.load(open(sys.argv[1]))
for wave in doc["waves"]:
    for u in wave["updates"]:
        if u["kind"] == "switch" and u.get("diff"):
            print(u["diff"])
PY
  local diff
  while read -r diff; do
    (cd "$applied" && git apply "$out/board-config/$diff") || fail "$diff does not apply in order" >&2
  done < "$out/diffs.txt"
  wc -l < "$out/diffs.txt"
}
