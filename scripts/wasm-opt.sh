# Sourced by size.sh and floor.sh: wasm-opt at -Oz with the wasm features
# the bundle's module uses (wasm-bindgen 0.2.130's output), as the release
# build optimises it.
#   optimise_wasm <in.wasm> <out.wasm> [more wasm-opt flags]
optimise_wasm() {
  local input=$1 output=$2
  shift 2
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-sign-ext --enable-multivalue \
    "$@" "$input" -o "$output"
}
