#!/usr/bin/env bash
# The DDK surface banjo bindings include compiles warning-free (-Wall -Wextra -Wpedantic -Werror)
# with each given C and C++ compiler: the C headers as C11 and as C++17 (with and without NDEBUG),
# ddktl and mock-function as C++17, and the lib/zx handle types as C++20.
# usage: c_headers_compile.sh SOURCE_DIR CC,CXX...
set -euo pipefail
source_dir=$1
shift
here="$source_dir/tests/runtime/driver/ddk/compile"
flags=(-Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$source_dir/runtime/include")
[ "$#" -gt 0 ] || { echo "usage: c_headers_compile.sh SOURCE_DIR CC,CXX..." >&2; exit 2; }
for pair in "$@"; do
  cc=${pair%%,*}
  cxx=${pair#*,}
  for ndebug in "" -DNDEBUG; do
    "$cc" -std=c11 "${flags[@]}" $ndebug -x c "$here/c_headers.c"
    "$cxx" -std=c++17 "${flags[@]}" $ndebug -x c++ "$here/c_headers.c"
  done
  "$cxx" -std=c++17 "${flags[@]}" "$here/cpp_headers.cc"
  "$cxx" -std=c++20 "${flags[@]}" -DWITH_ZX "$here/cpp_headers.cc"
  echo "$cc (C11), $cxx (C++17, C++20): the DDK headers compile"
done
