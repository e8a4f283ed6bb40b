#!/usr/bin/env bash
# Runs every check, in order: formatting, clippy (native and wasm32), the
# native tests, the browser unit tests in headless Chromium, then the
# end-to-end journeys against the release build. Every step runs even if an
# earlier one failed (except what needs the build); the exit code is non-zero
# if anything failed, and the run ends with the runners' own summary lines.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

logs=target/test-logs
rm -rf "$logs" && mkdir -p "$logs"
failed=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    echo "=== $name FAILED (exit $status)"
  fi
  return "$status"
}

step fmt cargo fmt --all --check
step clippy-native cargo clippy --workspace --all-targets --locked -- -D warnings
step clippy-wasm cargo clippy -p yz-calc --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step native-tests cargo test --workspace --locked
step browser-tests cargo test -p yz-calc --target wasm32-unknown-unknown --locked --test web
if step build bash scripts/build.sh; then
  step e2e-tests node --test --test-reporter=spec tests/e2e/
else
  failed+=("e2e-tests (not run: the build failed)")
fi

echo
echo "=== Summary of every test runner"
passed=0
failures=0
for name in native-tests browser-tests; do
  [ -f "$logs/$name.log" ] || continue
  echo "--- $name"
  grep -E "^test result:" "$logs/$name.log"
  passed=$((passed + $(grep -oE "^test result: [a-zA-Z]+\. [0-9]+ passed" "$logs/$name.log" | awk '{s += $4} END {print s + 0}')))
  failures=$((failures + $(grep -oE "; [0-9]+ failed" "$logs/$name.log" | awk '{s += $2} END {print s + 0}')))
done
if [ -f "$logs/e2e-tests.log" ]; then
  echo "--- e2e-tests"
  grep -E "^ℹ (tests|pass|fail|skipped|todo|cancelled) " "$logs/e2e-tests.log"
  passed=$((passed + $(grep -E "^ℹ pass " "$logs/e2e-tests.log" | awk '{s += $3} END {print s + 0}')))
  failures=$((failures + $(grep -E "^ℹ fail " "$logs/e2e-tests.log" | awk '{s += $3} END {print s + 0}')))
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed[*]}"
fi
echo "total: $passed passed, $failures failed"
[ ${#failed[@]} -eq 0 ]
