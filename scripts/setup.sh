#!/usr/bin/env bash
# Installs every Debian package fdfkit needs to build, test and benchmark. Idempotent: packages
# already present are skipped, so a warm machine pays only for one dpkg query.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang-14 llvm-14-dev llvm-14-tools libclang-14-dev libclang-cpp14-dev
  libclang-rt-14-dev clang-tools-14
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libmimalloc-dev libdtl-dev python3 git patch chromium
  coinor-libcbc-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
