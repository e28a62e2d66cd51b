#!/usr/bin/env bash
# Runs the addon's unit tests (test/native: bad arguments, native-vs-reference equivalence,
# async calls) inside one node process under valgrind memcheck; exits non-zero on any memcheck
# error. Needs Debian: valgrind. Build the addon first (npm install or
# npx node-gyp rebuild --directory=native). Property tests run fewer cases here
# (LOOKOUT_FAST_CHECK_RUNS) since memcheck slows node about 30 times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOG="${TMPDIR:-/tmp}/lookout-valgrind.$$.log"
export LOOKOUT_FAST_CHECK_RUNS="${LOOKOUT_FAST_CHECK_RUNS:-40}"
set +e
valgrind --tool=memcheck --error-exitcode=99 --leak-check=no --suppressions="$ROOT/native/valgrind.supp" \
  node node_modules/vitest/vitest.mjs run test/native/errors.test.ts test/native/equivalence.test.ts test/native/level.test.ts \
  --pool=threads --maxWorkers=1 --no-file-parallelism >"$LOG" 2>&1
rc=$?
set -e
grep -E "Tests |Test Files|ERROR SUMMARY" "$LOG" || true
if [ "$rc" -ne 0 ]; then
  echo "valgrind: failed (exit $rc); full log: $LOG"
  grep -B3 -A30 -E "Invalid (read|write)|uninitialised|Mismatched|Invalid free" "$LOG" | head -120 || true
  exit 1
fi
rm -f "$LOG"
echo "valgrind: no memcheck error"
