#!/bin/bash
# The HTML report in a real browser: headless Chromium loads report.html from disk (no network),
# runs its script, and the rendered DOM must hold every host of the inventory, each with an SVG
# diagram with one box per driver, and no script error.
# Usage: report_browser_test.sh MIGRATE_PLAN REPO
set -u
tool=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser) || fail "chromium is not installed (scripts/setup.sh installs it)"

check() {  # inventory name
  local inventory=$1 name=$2
  "$tool" plan "$inventory" --ports-per-wave 3 -o "$work/$name" > /dev/null || fail "$name: plan failed"
  "$tool" report "$inventory" "$work/$name/plan.json" -o "$work/$name/report" > /dev/null || fail "$name: report failed"
  grep -q "https\?://" <(grep -o '<\(script\|link\|img\)[^>]*\(src\|href\)="[^"]*"' "$work/$name/report/report.html") \
    && fail "$name: the page loads something from the network"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
    --dump-dom "file://$work/$name/report/report.html" > "$work/$name/dom.html" 2> "$work/$name/browser.log" \
    || { tail -5 "$work/$name/browser.log"; fail "$name: chromium exited $?"; }
  python3 - "$inventory" "$work/$name/dom.html" <<'PY' || fail "$name: rendered DOM is wrong"
import html.parser, json, sys
inventory = json.load(open(sys.argv[1]))
dom = open(sys.argv[2]).read()

class Hosts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hosts, self.current, self.ready, self.errors = {}, None, None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.errors = a.get("data-script-errors")
        if tag == "body":
            self.ready = a.get("data-ready")
        if tag == "section" and "data-host" in a:
            self.current = a["data-host"]
            self.hosts[self.current] = {"svg": 0, "drivers": set()}
        if self.current and tag == "svg":
            self.hosts[self.current]["svg"] += 1
        if self.current and tag == "g" and "data-driver" in a:
            self.hosts[self.current]["drivers"].add(a["data-driver"])

p = Hosts()
p.feed(dom)
expected = {h["id"]: set(h["drivers"]) for b in inventory["boards"] for h in b["hosts"]}
assert p.errors is None, "script errors: %s" % p.errors
assert p.ready == str(len(expected)), "script did not finish: data-ready=%r, %d hosts" % (p.ready, len(expected))
missing = sorted(set(expected) - set(p.hosts))
assert not missing, "hosts missing from the page: %s" % missing
for host, drivers in expected.items():
    seen = p.hosts[host]
    assert seen["svg"] == 1, "%s: %d diagrams" % (host, seen["svg"])
    assert seen["drivers"] == drivers, "%s: boxes %s, drivers %s" % (host, sorted(seen["drivers"]), sorted(drivers))
print("%d hosts rendered" % len(expected))
PY
}

check "$repo/corpus/inventories/amlogic.json" amlogic
"$tool" scan "$repo/corpus/tree" --overlay "$repo/corpus/tree/overlay.json" -o "$work/tree-inventory.json" 2> /dev/null \
  || fail "scan failed"
check "$work/tree-inventory.json" tree
echo ok
