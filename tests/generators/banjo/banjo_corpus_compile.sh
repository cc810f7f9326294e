#!/usr/bin/env bash
# The banjo bindings `fdf-idl gen --bindings=banjo-c,banjo-cpp,banjo-mock` writes for every corpus
# library (corpus/protocols, imports through -I) and every golden input (tests/generators/banjo/
# goldens) compile warning-free (-Wall -Wextra -Werror): each C header as C11 with each C
# compiler, each C++ header and mock as C++20 with each C++ compiler. The compilers run in
# parallel.
# usage: banjo_corpus_compile.sh SOURCE_DIR FDF_IDL WORK_DIR --cc CC... --cxx CXX...
set -euo pipefail
source_dir=$1 fdf_idl=$2 work=$3
shift 3
ccs=() cxxs=() list=
for arg in "$@"; do
  case $arg in
    --cc) list=cc ;;
    --cxx) list=cxx ;;
    *) if [ "$list" = cc ]; then ccs+=("$arg"); elif [ "$list" = cxx ]; then cxxs+=("$arg"); else
         echo "usage: $0 SOURCE_DIR FDF_IDL WORK_DIR --cc CC... --cxx CXX..." >&2; exit 2; fi ;;
  esac
done
if [ "${#ccs[@]}" -eq 0 ] || [ "${#cxxs[@]}" -eq 0 ]; then
  echo "usage: $0 SOURCE_DIR FDF_IDL WORK_DIR --cc CC... --cxx CXX..." >&2
  exit 2
fi
jobs=$(nproc 2>/dev/null || echo 2)
rm -rf "$work"
mkdir -p "$work/gen" "$work/tu" "$work/batch" "$work/log"
export fdf_idl work

# Generate: one fdf-idl run per library, all into one include root.
shopt -s nullglob
{
  for dir in "$source_dir"/corpus/protocols/*/; do
    printf '%s\0' "-I $source_dir/corpus/protocols $(printf '%s ' "$dir"*.fidl "$dir"*.banjo)"
  done
  goldens=$source_dir/tests/generators/banjo/goldens
  for input in "$goldens"/*.test.fidl "$goldens"/*.test.banjo; do
    printf '%s\0' "-I $goldens $input"
  done
} | xargs -0 -n 1 -P "$jobs" sh -c \
  '"$fdf_idl" gen --bindings=banjo-c,banjo-cpp,banjo-mock -o "$work/gen" $0 ||
   { echo "fdf-idl gen failed: $0" >&2; exit 255; }'

# Translation units. C: each header alone, with every C compiler. C++ (banjo.h, then banjo-mock.h):
# each corpus library alone with the first C++ compiler; the whole corpus in one unit, and the
# golden inputs in another (their names are unique across inputs), with every C++ compiler. A C++
# unit costs most of a second in standard headers and mock templates, hence the batches.
# The mocks compare struct and union arguments with operator==, which their users define (as
# with fidlgen_banjo's mocks): each unit defines one for every struct and union it has, after the
# banjo.h headers and before the mocks.
c_types() {  # library path → the C struct and union types of it and of what it includes
  local header=$work/gen/$1/c/banjo.h dep
  for dep in $(sed -n 's|^#include <\(.*\)/c/banjo.h>$|\1|p' "$header"); do c_types "$dep"; done
  sed -n 's/^typedef \(struct\|union\) [a-z0-9_]* \([a-z0-9_]*\);$/\2/p' "$header"
}
cpp_unit() {  # library path... → a C++ unit including their headers and mocks
  local path type
  printf '#include <%s/cpp/banjo.h>\n' "$@"
  for type in $(for path in "$@"; do c_types "$path"; done | sort -u); do
    printf 'inline bool operator==(const %s&, const %s&) { return true; }\n' "$type" "$type"
  done
  printf '#include <%s/cpp/banjo-mock.h>\n' "$@"
}
corpus_paths=() golden_paths=()
for header in $(cd "$work/gen" && find . -path '*/c/banjo.h' | sed 's|^\./||' | sort); do
  path=${header%/c/banjo.h}
  name=${path//\//.}
  printf '#include <%s/c/banjo.h>\n' "$path" > "$work/tu/$name.c"
  case $name in
    banjo.examples.*) golden_paths+=("$path") ;;
    *) corpus_paths+=("$path"); cpp_unit "$path" > "$work/tu/$name.cc" ;;
  esac
done
libraries=$((${#corpus_paths[@]} + ${#golden_paths[@]}))
if [ "${#corpus_paths[@]}" -lt 31 ] || [ "${#golden_paths[@]}" -eq 0 ]; then
  echo "bindings of ${#corpus_paths[@]} corpus libraries and ${#golden_paths[@]} golden inputs" >&2
  exit 1
fi
cpp_unit "${corpus_paths[@]}" > "$work/batch/corpus.cc"

# Protocol ids come from lib/ddk/protodefs.h, which has the corpus's; the golden inputs'
# ddk-protocols get made-up ones, defined first as a driver's own header may.
protodefs=$source_dir/runtime/include/lib/ddk/protodefs.h
{
  id=5000
  ids=$(grep -oh 'ZX_PROTOCOL_[A-Z0-9_]*' "$work"/gen/banjo/examples/*/cpp/*.h | sort -u)
  for name in $ids; do
    grep -q "define $name " "$protodefs" && continue
    printf '#define %s %d\n' "$name" "$id"
    id=$((id + 1))
  done
  cpp_unit "${golden_paths[@]}"
} > "$work/batch/golden-inputs.cc"

# Compile: "compiler standard file" per job, slowest first; each failure leaves its log.
{
  for tu in "$work"/batch/*.cc; do
    for cxx in "${cxxs[@]}"; do printf '%s c++20 %s\n' "$cxx" "$tu"; done
  done
  for tu in "$work"/tu/*.cc; do printf '%s c++20 %s\n' "${cxxs[0]}" "$tu"; done
  for tu in "$work"/tu/*.c; do
    for cc in "${ccs[@]}"; do printf '%s c11 %s\n' "$cc" "$tu"; done
  done
} > "$work/jobs"
export include_dir=$source_dir/runtime/include
xargs -P "$jobs" -L 1 sh -c \
  'log="$work/log/$(basename "$0")-$(basename "$2").log"
   "$0" -std="$1" -Wall -Wextra -Werror -fsyntax-only -I "$work/gen" -I "$include_dir" "$2" \
     > "$log" 2>&1 && rm "$log"; exit 0' < "$work/jobs"

failed=0
for log in "$work"/log/*.log; do
  echo "=== $(basename "$log" .log)"
  head -n 30 "$log"
  failed=$((failed + 1))
done
total=$(wc -l < "$work/jobs")
if [ "$failed" -gt 0 ]; then
  echo "$failed of $total compilations failed (bindings of $libraries libraries in $work/gen)" >&2
  exit 1
fi
echo "banjo bindings of $libraries libraries (${#corpus_paths[@]} in the corpus) compile:" \
  "$total compilations with ${ccs[*]} ${cxxs[*]}"
