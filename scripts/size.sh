#!/usr/bin/env bash
# What the release wasm is made of: builds it exactly as the bundle does
# (release profile, wasm-bindgen, wasm-opt -Oz), prints its raw and gzip
# sizes, then a twiggy breakdown by crate, module and component.
#   bash scripts/size.sh [target-dir]     (default: target/size)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dir=${1:-target/size}
command -v twiggy >/dev/null || cargo install --locked twiggy --version 0.8.0
# shellcheck source=scripts/lean-std.sh
. scripts/lean-std.sh
RUSTFLAGS="${RUSTFLAGS:-} -C symbol-mangling-version=v0" \
  with_lean_std cargo build --release --target wasm32-unknown-unknown --bin yz-calc --target-dir "$dir" --quiet
wasm-bindgen --target web --out-dir "$dir/bg" --keep-debug \
  "$dir/wasm32-unknown-unknown/release/yz-calc.wasm"
# shellcheck source=scripts/wasm-opt.sh
. scripts/wasm-opt.sh
optimise_wasm "$dir/bg/yz-calc_bg.wasm" "$dir/shipped.wasm"
optimise_wasm "$dir/bg/yz-calc_bg.wasm" "$dir/named.wasm" -g
raw=$(wc -c <"$dir/shipped.wasm")
gz=$(gzip -9 -c "$dir/shipped.wasm" | wc -c)
echo "wasm as shipped: $raw bytes raw, $gz bytes gzip -9"
twiggy top -n 1000000 --format csv "$dir/named.wasm" >"$dir/top.csv"
python3 scripts/size_breakdown.py "$dir/top.csv" "$dir/shipped.wasm"
