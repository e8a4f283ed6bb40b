#!/usr/bin/env bash
# Builds the release bundle and measures it (sizes, first result, input
# latency) in headless Chromium; writes the web section of docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build.sh
node scripts/bench.mjs
