#!/usr/bin/env bash
# Builds the libFuzzer target of the IDL front end and runs it for ${1:-60} seconds, seeded from
# the corpus. Exit non-zero on any crash, leak, sanitizer report or timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/build.sh fuzz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp corpus/protocols/*/*.fidl corpus/protocols/*/*.banjo "$work/corpus/" 2>/dev/null || true
set +e
./build/fuzz/fuzz/idl_fuzzer "$work/corpus" -dict=fuzz/idl.dict -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" 2>&1 | tail -n 25
status=${PIPESTATUS[0]}
set -e
if ls "$work/artifacts/"* >/dev/null 2>&1; then
  mkdir -p out/fuzz-artifacts && cp "$work/artifacts/"* out/fuzz-artifacts/
  echo "fdfkit: fuzzer found failures; inputs copied to out/fuzz-artifacts/" >&2
  exit 1
fi
exit "$status"
