#!/usr/bin/env bash
# The shims `fdf-idl gen --bindings=shims` writes for every corpus library — its banjo library
# (corpus/protocols) against its reviewed clone and mapping (tests/migrate/protocol/golden) —
# generate, and compile warning-free (-Wall -Wextra -Werror, C++20) with each C++ compiler given,
# next to the clone's driver bindings and the banjo C++ bindings. The compilers run in parallel.
# usage: shims_corpus_compile.sh SOURCE_DIR BUILD_DIR FDF_IDL WORK_DIR CXX...
set -euo pipefail
if [ "$#" -lt 5 ]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR FDF_IDL WORK_DIR CXX..." >&2
  exit 2
fi
source_dir=$1 build_dir=$2 fdf_idl=$3 work=$4
shift 4
cxxs=("$@")
golden=$source_dir/tests/migrate/protocol/golden
corpus=$source_dir/corpus/protocols
jobs=$(nproc 2>/dev/null || echo 2)
rm -rf "$work"
mkdir -p "$work/gen" "$work/tu" "$work/log"
export fdf_idl work golden corpus

# Generate, one library per job: the clone's wire and driver bindings, the banjo bindings, the
# shims (their FDFIDL071 warnings, methods left out on purpose, go to the log).
ls "$golden"/*.mapping.json | xargs -n 1 -P "$jobs" sh -c '
  mapping=$0
  clone=$(basename "$mapping" .mapping.json)
  banjo=$(sed -n "s/.*\"banjo\": *\"\([a-z0-9_.]*\)\".*/\1/p" "$mapping" | head -n 1)
  files=$(ls "$corpus/$banjo"/*.fidl "$corpus/$banjo"/*.banjo 2>/dev/null)
  {
    "$fdf_idl" gen --bindings=wire,channel,driver -o "$work/gen" -I "$golden" -I "$corpus" \
        "$golden/$clone.fidl" &&
    "$fdf_idl" gen --bindings=banjo-c,banjo-cpp -o "$work/gen" -I "$corpus" $files &&
    "$fdf_idl" gen --bindings=shims --mapping "$mapping" -I "$corpus" -I "$golden" \
        $(for f in $files; do printf -- "--banjo %s " "$f"; done) -o "$work/gen" \
        "$golden/$clone.fidl"
  } 2> "$work/log/$clone.gen" ||
  { echo "generating the shims of $clone failed:" >&2; cat "$work/log/$clone.gen" >&2; exit 255; }'

headers=$(cd "$work/gen" && find . -name banjo_shims.h | sed 's|^\./||' | sort)
count=$(printf '%s\n' "$headers" | grep -c . || true)
if [ "$count" -lt 31 ]; then
  echo "shims for $count corpus libraries, expected 31" >&2
  exit 1
fi

# Every generated include root, the runtime's headers and its own generated FIDL libraries, as
# a response file both compiler families read.
{
  printf -- '-I%s\n' "$work/gen" "$source_dir/runtime/include" "$source_dir/shims/include"
  for dir in "$build_dir"/runtime/driver/fidl_gen/*/; do printf -- '-I%s\n' "$dir"; done
} > "$work/includes.rsp"
for header in $headers; do
  printf '#include <%s>\n' "$header" > "$work/tu/$(dirname "$(dirname "$header")" | tr / .).cc"
done

status=0
for cxx in "${cxxs[@]}"; do
  name=$(basename "$cxx")
  export cxx name
  if ! ls "$work"/tu/*.cc | xargs -n 1 -P "$jobs" sh -c '
      log="$work/log/$(basename "$0" .cc).$name"
      "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wno-unused-parameter -Werror \
          "@$work/includes.rsp" "$0" > "$log" 2>&1 ||
      { echo "$name: $(basename "$0")" >&2; head -n 20 "$log" >&2; exit 255; }'; then
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "shims of $count corpus libraries compile with: ${cxxs[*]}"
fi
exit "$status"
