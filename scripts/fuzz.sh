#!/usr/bin/env bash
# Builds the libFuzzer targets (the IDL front end; migrate-protocol behind it; the FIDL wire decoder;
# the bind language; driver manifests and board files) and runs each for
# ${1:-60} seconds, seeded from the corpus. Exit non-zero on any crash, leak, sanitizer report or timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/build.sh fuzz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp corpus/protocols/*/*.fidl corpus/protocols/*/*.banjo "$work/corpus/" 2>/dev/null || true
status=0
# Each target runs for the full time, seeded from the corpus.
mkdir -p "$work/bind-corpus"
cp corpus/tree/src/*/*/drivers/*/*.bind corpus/drivers/bind/*.bind "$work/bind-corpus/" 2>/dev/null || true
mkdir -p "$work/config-corpus"
if [ -d corpus/drivers ]; then
  find corpus/drivers \( -name "*.cml" -o -name "*.json" \) -exec cp -t "$work/config-corpus/" {} +
fi
cp tests/runtime/driver/bad/*.cml tests/runtime/driver/bad/*.json "$work/config-corpus/" 2>/dev/null || true
for target in idl_fuzzer migrate_fuzzer fidl_decode_fuzzer bind_fuzzer driver_config_fuzzer; do
  echo "fdfkit: fuzzing $target for ${seconds}s"
  corpus="$work/corpus" dict="-dict=fuzz/idl.dict"
  if [ "$target" = fidl_decode_fuzzer ]; then
    corpus="$work/wire-corpus" dict=""
    mkdir -p "$corpus"
  fi
  if [ "$target" = bind_fuzzer ]; then
    corpus="$work/bind-corpus" dict="-dict=fuzz/bind.dict"
  fi
  if [ "$target" = driver_config_fuzzer ]; then
    corpus="$work/config-corpus" dict="-dict=fuzz/json5.dict"
  fi
  set +e
  ./build/fuzz/fuzz/$target "$corpus" $dict -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$target-" 2>&1 | tail -n 25
  target_status=${PIPESTATUS[0]}
  set -e
  [ "$target_status" -eq 0 ] || status=$target_status
done
if ls "$work/artifacts/"* >/dev/null 2>&1; then
  mkdir -p out/fuzz-artifacts && cp "$work/artifacts/"* out/fuzz-artifacts/
  echo "fdfkit: fuzzer found failures; inputs copied to out/fuzz-artifacts/" >&2
  exit 1
fi
exit "$status"
