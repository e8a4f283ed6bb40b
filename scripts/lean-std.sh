# Sourced by build.sh, size.sh and floor.sh: runs a command (a cargo build of
# the wasm, or trunk, which runs one) with the standard library rebuilt from
# source for the release profile and panics compiled to a bare trap
# (docs/DECISIONS.md 38). The prebuilt std is optimised for speed and keeps
# every panic's message, location and formatting code: rebuilt at opt-level
# "z" with `immediate-abort`, the shipped wasm is 21 KB gzip smaller.
#   with_lean_std <command> [arguments]
# Needs the toolchain's rust-src component (scripts/setup.sh adds it) and the
# build to name its target (trunk and the scripts pass wasm32-unknown-unknown).
# RUSTC_BOOTSTRAP=1 lets the pinned stable toolchain take the two unstable
# switches, build-std and the immediate-abort panic strategy, for this
# command only: nothing else in the project is built with it.
with_lean_std() {
  RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort" \
    "$@"
}
