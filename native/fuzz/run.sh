#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined) and runs each for
# a bounded time. Usage: native/fuzz/run.sh [seconds per harness, default 60]. Exits non-zero
# on any finding (crash, sanitizer report, leak, timeout); the reproducer stays in native/fuzz/out/.
# Needs Debian: clang-14 (or clang) and libclang-rt-14-dev.
set -euo pipefail
SECONDS_EACH="${1:-60}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/out"
CXX="${CXX_FUZZ:-$(command -v clang++ || command -v clang++-14)}"
mkdir -p "$OUT"
KERNELS=(cfar1d cfar2d extract level mask)
FLAGS=(-std=c++17 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
for k in "${KERNELS[@]}"; do
  echo "== build fuzz_$k"
  "$CXX" "${FLAGS[@]}" -o "$OUT/fuzz_$k" "$HERE/fuzz_$k.cc" "$HERE/../src/kernels/$k.cc"
done
status=0
for k in "${KERNELS[@]}"; do
  corpus="$OUT/corpus-$k"
  mkdir -p "$corpus"
  echo "== run fuzz_$k for ${SECONDS_EACH}s"
  if ! (cd "$OUT" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
      "./fuzz_$k" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$OUT/crash-$k-" "$corpus" 2>"$OUT/fuzz_$k.log"); then
    echo "!! fuzz_$k found a problem; see $OUT/fuzz_$k.log"
    tail -40 "$OUT/fuzz_$k.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$OUT/fuzz_$k.log" | tail -2 || true
  fi
done
exit $status
