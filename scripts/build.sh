#!/usr/bin/env bash
# The release bundle, as it ships: trunk builds dist/ (minified, with .gz and
# .br copies, scripts/post-build.mjs) with the lean standard library of
# scripts/lean-std.sh. Used by serve.sh, test.sh and bench.sh; extra
# arguments go to trunk (e.g. `--dist <dir>`).
#   bash scripts/build.sh [trunk arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# shellcheck source=scripts/lean-std.sh
. scripts/lean-std.sh
with_lean_std trunk build --release --offline "$@"
