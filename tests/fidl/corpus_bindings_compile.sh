#!/usr/bin/env bash
# Every corpus protocol, migrated to the driver transport by migrate-protocol, gets C++ bindings
# from `fdf-idl gen` that compile warning-free (-Wall -Wextra -Werror) with each given compiler:
# real banjo inputs (resource results, nested imports, aliases) rather than hand-made tests.
# usage: corpus_bindings_compile.sh SOURCE_DIR FDF_IDL MIGRATE_PROTOCOL WORK_DIR CXX...
set -euo pipefail
source_dir=$1 fdf_idl=$2 migrate_protocol=$3 work=$4
shift 4
rm -rf "$work"
mkdir -p "$work/protocols" "$work/bindings"
shopt -s nullglob
for dir in "$source_dir"/corpus/protocols/*/; do
  "$migrate_protocol" -I "$source_dir/corpus/protocols" -o "$work/protocols" \
    "$dir"*.fidl "$dir"*.banjo > /dev/null
done
includes=()
tu="$work/all_bindings.cc"
: > "$tu"
count=0
for clone in "$work"/protocols/*.fidl; do
  library=$(basename "$clone" .fidl)
  "$fdf_idl" gen --bindings=wire,channel,driver -o "$work/bindings/$library" \
    -I "$work/protocols" -I "$source_dir/corpus/protocols" "$clone"
  includes+=(-I "$work/bindings/$library")
  printf '#include <fidl/%s/cpp/driver/wire.h>\n#include <fidl/%s/cpp/wire.h>\n' \
    "$library" "$library" >> "$tu"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no migrated protocols" >&2; exit 1; }
for cxx in "$@"; do
  "$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only "${includes[@]}" \
    -I "$source_dir/runtime/include" "$tu"
  # The coding tables (.cc) as well.
  for library_dir in "$work"/bindings/*/; do
    library=$(basename "$library_dir")
    "$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only "${includes[@]}" \
      -I "$source_dir/runtime/include" "$library_dir/fidl/$library/cpp/wire_types.cc"
  done
  echo "$cxx: bindings of $count migrated corpus libraries compile"
done
