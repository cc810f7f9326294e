#!/bin/bash
# migrate-plan end to end: the corpus inventory plans and verifies at the wave bound; invalid
# input exits 1 with located errors and writes nothing; a tampered plan fails verification.
set -u
tool=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$tool" plan "$corpus/inventories/amlogic.json" --ports-per-wave 4 --team-cap gpio=1 -o "$work/out" \
  > "$work/plan.log" || fail "plan exited $?"
grep -q "waves         9  (lower bound 9)" "$work/plan.log" || { cat "$work/plan.log"; fail "waves not at the bound"; }
"$tool" verify "$corpus/inventories/amlogic.json" "$work/out/plan.json" --ports-per-wave 4 \
  --team-cap gpio=1 > /dev/null || fail "corpus plan does not verify"

# A malformed --team-cap is a usage error naming the bad value; nothing is written. The whole
# value is checked: nothing after a second '=' is silently dropped.
for bad in gpio=many gpio=1=5 =3 gpio gpio=; do
  "$tool" plan "$corpus/inventories/amlogic.json" --team-cap "$bad" -o "$work/cap" 2> "$work/cap.log"
  [ $? -eq 2 ] || fail "--team-cap $bad was not a usage error"
  grep -q "^--team-cap: error: \[FDFPLAN003\] .*got \"$bad\"" "$work/cap.log" ||
    { cat "$work/cap.log"; fail "bad value $bad not named"; }
  [ ! -e "$work/cap" ] || fail "output written for --team-cap $bad"
done

# The cap takes effect: a plan made without it breaks it.
"$tool" plan "$corpus/inventories/amlogic.json" --ports-per-wave 4 -o "$work/uncapped" > /dev/null ||
  fail "uncapped plan exited $?"
"$tool" verify "$corpus/inventories/amlogic.json" "$work/uncapped/plan.json" --ports-per-wave 4 \
  --team-cap gpio=1 > /dev/null && fail "an uncapped plan verified against --team-cap gpio=1"

# Tampered: one port moved after its host's switch.
python3 - "$work/out/plan.json" "$work/bad.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
first = plan["waves"][0]["actions"]
port = next(a for a in first if a["kind"] == "port")
first.remove(port)
plan["waves"][-1]["actions"].append(port)
json.dump(plan, open(sys.argv[2], "w"))
PY
"$tool" verify "$corpus/inventories/amlogic.json" "$work/bad.json" --ports-per-wave 4 > "$work/verify.log"
[ $? -eq 1 ] || fail "tampered plan verified"
grep -q "^$work/bad.json: error: \[FDFPLAN052\] order: port .* must not come after switch" "$work/verify.log" \
  || { cat "$work/verify.log"; fail "no order violation"; }

# Invalid inventory: located error, exit 1, no output directory.
printf '{"schema": "fdfkit-inventory/1", "protocols": [], "drivers": [{"id": "d"}], "boards": []}' > "$work/bad-inventory.json"
"$tool" plan "$work/bad-inventory.json" -o "$work/none" 2> "$work/err.log"
[ $? -eq 1 ] || fail "invalid inventory accepted"
grep -q 'bad-inventory.json: \$.drivers\[0\]: error: \[FDFPLAN037\] driver "d" is in no host on any board' "$work/err.log" \
  || { cat "$work/err.log"; fail "error not located"; }
[ ! -e "$work/none" ] || fail "output written for an invalid inventory"
# Report: written for a valid plan, refused (exit 1, nothing written) for the tampered one.
"$tool" report "$corpus/inventories/amlogic.json" "$work/out/plan.json" -o "$work/report" > /dev/null \
  || fail "report exited $?"
for f in index.md report.html boards/vim3.md boards/av400.md boards/fdfkit-devboard.md boards/fdfkit-mediabox.md; do
  [ -s "$work/report/$f" ] || fail "report lacks $f"
done
grep -q '^| waves | 9 | 9 | 0 % |$' "$work/report/index.md" || fail "index.md lacks the wave metric"
grep -q '^Certificate: \(optimal\|feasible\|heuristic\) — ' "$work/report/index.md" || fail "index.md lacks the certificate"
grep -q 'class="certificate status-' "$work/report/report.html" || fail "report.html lacks the certificate"
"$tool" report "$corpus/inventories/amlogic.json" "$work/bad.json" -o "$work/bad-report" 2> "$work/report.log"
[ $? -eq 1 ] || fail "report accepted a plan that violates the orderings"
grep -q "\[FDFPLAN056\] the plan is not valid for this inventory" "$work/report.log" || { cat "$work/report.log"; fail "no reason given"; }
[ ! -e "$work/bad-report" ] || fail "report written for an invalid plan"

# The certificate: every objective's value, proven bound and gap, the status and why.
python3 - "$work/out/plan.json" <<'PY' || fail "plan.json's certificate is incomplete"
import json, sys
c = json.load(open(sys.argv[1]))["certificate"]
assert c["status"] in ("optimal", "feasible", "heuristic"), c["status"]
assert c["note"] and c["found_by"] in ("heuristic", "solver") and c["time_limit"] == 10, c
assert [o["objective"] for o in c["objectives"]] == ["waves", "duplication", "dual_lifetime"], c
for o in c["objectives"]:
    assert o["bound"] <= o["value"] and o["status"] == ("optimal" if o["bound"] == o["value"] else "feasible"), o
assert (c["status"] == "optimal") == all(o["bound"] == o["value"] for o in c["objectives"]), c
PY
# --solver none and --time-limit 0: the heuristic's plan, saying so; a plan all the same.
"$tool" plan "$corpus/inventories/amlogic.json" --ports-per-wave 4 --solver none -o "$work/none" > "$work/none.log" \
  || fail "--solver none exited $?"
grep -q "certificate   heuristic, dual_lifetime gap [0-9]*%: no solver was asked for (--solver none)" "$work/none.log" \
  || { cat "$work/none.log"; fail "no note for --solver none"; }
grep -q '"status": "heuristic"' "$work/none/plan.json" || fail "plan.json does not say heuristic"
"$tool" plan "$corpus/inventories/amlogic.json" --ports-per-wave 4 --time-limit 0 -o "$work/zero" > "$work/zero.log" \
  || fail "--time-limit 0 exited $?"
grep -q "\(the time limit is 0 (--time-limit)\|no solver in this build .*\); the heuristic plan is given" "$work/zero.log" \
  || { cat "$work/zero.log"; fail "no note for --time-limit 0"; }
cmp -s <(grep -v '"seconds"' "$work/none/plan.json" | grep -v '"note"\|"time_limit"') \
       <(grep -v '"seconds"' "$work/zero/plan.json" | grep -v '"note"\|"time_limit"') || fail "--time-limit 0 and --solver none differ"

# Effort capacities: planned and verified with them; a plan made without them breaks them.
"$tool" plan "$corpus/inventories/amlogic.json" --effort-per-wave 6 --team-effort gpio=2 -o "$work/effort" \
  > "$work/effort.log" || fail "effort plan exited $?"
"$tool" verify "$corpus/inventories/amlogic.json" "$work/effort/plan.json" --effort-per-wave 6 --team-effort gpio=2 \
  > /dev/null || fail "effort plan does not verify"
"$tool" verify "$corpus/inventories/amlogic.json" "$work/uncapped/plan.json" --effort-per-wave 6 > "$work/effort-verify.log"
[ $? -eq 1 ] || fail "a plan without effort budgets verified against one"
grep -q "error: \[FDFPLAN160\] capacity: wave [0-9]* takes [0-9]* effort units (ports and clones); at most 6 allowed" \
  "$work/effort-verify.log" || { cat "$work/effort-verify.log"; fail "no effort violation"; }
"$tool" verify "$corpus/inventories/amlogic.json" "$work/uncapped/plan.json" --team-effort gpio=1 > "$work/team-verify.log"
grep -q "\[FDFPLAN161\] capacity: wave [0-9]* takes [0-9]* effort units of team gpio; at most 1 allowed" \
  "$work/team-verify.log" || { cat "$work/team-verify.log"; fail "no team effort violation"; }
"$tool" plan "$corpus/inventories/amlogic.json" --effort-per-wave 1 -o "$work/too-small" 2> "$work/too-small.log"
[ $? -eq 1 ] || fail "a budget below a driver's effort planned"
grep -q "\[FDFPLAN162\] driver \".*\" takes [0-9]* effort units to port, more than the 1 a wave allows" "$work/too-small.log" \
  || { cat "$work/too-small.log"; fail "no FDFPLAN162"; }
[ ! -e "$work/too-small" ] || fail "output written without a plan"

# Bad values of the new options are usage errors; nothing is written.
for bad in "--team-effort gpio=lots" "--team-effort =2" "--team-effort gpio=1=2" "--effort-per-wave -1" \
           "--effort-per-wave many" "--time-limit soon" "--time-limit -1" "--time-limit nan" "--solver glpk"; do
  # shellcheck disable=SC2086
  "$tool" plan "$corpus/inventories/amlogic.json" $bad -o "$work/bad-option" 2> "$work/bad-option.log"
  [ $? -eq 2 ] || fail "$bad was not a usage error"
  [ ! -e "$work/bad-option" ] || fail "output written for $bad"
done
"$tool" plan "$corpus/inventories/amlogic.json" --team-effort gpio=lots 2> "$work/bad-option.log"
grep -q '^--team-effort: error: \[FDFPLAN165\] .*got "gpio=lots"' "$work/bad-option.log" || { cat "$work/bad-option.log"; fail "bad --team-effort not named"; }

# A scanned inventory whose tree has gone: the board config cannot be computed; nothing is written.
"$tool" scan "$corpus/tree" -o "$work/tree.json" 2> /dev/null || fail "scan failed"
"$tool" plan "$work/tree.json" --tree "$work/nowhere" -o "$work/tree-out" 2> "$work/tree.log"
[ $? -eq 1 ] || fail "plan succeeded without the tree"
grep -q "board config: boards/vim3.gni: error: \[FDFPLAN120\] cannot read board file under $work/nowhere" "$work/tree.log" \
  || { cat "$work/tree.log"; fail "missing board file not reported"; }
[ ! -e "$work/tree-out" ] || fail "plan wrote output although its board config failed"
echo "ok"
