#!/usr/bin/env bash
# Builds the release bundle with trunk (offline) and serves dist/ on
# http://127.0.0.1:8080 (PORT overrides the port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build.sh
exec node scripts/static-server.mjs dist "${PORT:-8080}"
