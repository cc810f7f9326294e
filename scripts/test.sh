#!/usr/bin/env bash
# Set up, build and run every test (the default preset).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
ctest --preset default -j2
