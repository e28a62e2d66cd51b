#!/usr/bin/env bash
# Installs dist/lookout_<version>_amd64.deb into a scratch Debian root and runs it there
# (not part of every CI run: build the packages first with `npm run package`).
#
# The scratch root is this machine's Debian seen through an overlay (copy-on-write: nothing
# reaches the real root), in a private mount namespace with no network at all (unshare -n),
# and with the compilers, make, python3 and the system's Node removed from it, so the install
# shows what the issue asks: no compiler, no network, its own Node. (debootstrap would need a
# Debian mirror, which is network this project does not use.) In it:
#   dpkg -i the amd64 package (maintainer scripts run for real: user, directories, conffile),
#   lookout --version, lookout config check /etc/lookout/lookout.yaml, a short lookout detect
#   on one turn of the shared radar recording (../shared/data, mounted read-only),
#   dpkg -i again (the upgrade path): an edited conffile and the data directory are kept,
#   systemd-analyze verify of the installed unit (its ExecStart now exists),
#   dpkg -i of the arm64 package, which dpkg must refuse (wrong architecture),
#   dpkg --purge, which must leave no file behind.
# Needs root (mount namespaces, overlayfs, chroot). Usage: [SHARED_DATA=DIR] scripts/test-deb.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
version=$(node -p "require('./package.json').version")
amd64="dist/lookout_${version}_amd64.deb"
arm64="dist/lookout_${version}_arm64.deb"
for f in "$amd64" "$arm64"; do
  [ -f "$f" ] || { echo "test-deb: no $f; run npm run package first" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "test-deb: needs root (mount namespace, overlayfs, chroot)" >&2; exit 1; }
[ "$(dpkg --print-architecture)" = amd64 ] || { echo "test-deb: runs on amd64 only" >&2; exit 1; }
# The shared recordings: ../shared/data beside the project (SHARED_DATA to say where else).
data="$(cd "${SHARED_DATA:-$ROOT/../shared/data}" && pwd)" || { echo "test-deb: no shared data at ${SHARED_DATA:-$ROOT/../shared/data} (set SHARED_DATA)" >&2; exit 1; }
recording="radar-video/navico-4g-noheading.cat240.gz"
[ -f "$data/$recording" ] || { echo "test-deb: no $data/$recording" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/lookout-test-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/upper" "$scratch/work" "$scratch/root"
cp "$amd64" "$arm64" "$scratch/"

# Inside: a private mount namespace and an empty network namespace (only a downed loopback).
unshare --mount --net --propagation private bash -s "$scratch" "$data" "$recording" "$(basename "$amd64")" "$(basename "$arm64")" <<'INSIDE'
set -euo pipefail
scratch="$1" data="$2" recording="$3" amd64="$4" arm64="$5"
r="$scratch/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$scratch/upper,workdir=$scratch/work" "$r"
mount -t proc proc "$r/proc"
mount --rbind /dev "$r/dev"
mount -t tmpfs tmpfs "$r/tmp"
mount -t tmpfs tmpfs "$r/run"
mkdir -p "$r/srv/shared-data" "$r/tmp/debs"
mount --bind -o ro "$data" "$r/srv/shared-data"
cp "$scratch/$amd64" "$scratch/$arm64" "$r/tmp/debs/"
# No compiler, no build tools, no system Node in the scratch root.
for b in cc c++ gcc g++ cpp make gmake python3 node nodejs npm npx clang clang++ ld; do
  for f in "$r"/usr/bin/"$b" "$r"/usr/bin/"$b"-[0-9]* "$r"/usr/bin/*-linux-gnu-"$b" "$r"/usr/bin/*-linux-gnu-"$b"-[0-9]* "$r"/usr/local/bin/"$b"; do
    if [ -e "$f" ] || [ -L "$f" ]; then rm -f "$f"; fi
  done
done
run() { printf '\n$ %s\n' "$*"; chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 sh -c "$*"; }
expect_fail() { printf '\n$ %s   (must fail)\n' "$*"; if chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c "$*"; then echo "test-deb: that should have failed" >&2; exit 1; fi; }

run 'cat /etc/debian_version; for t in gcc g++ cc make python3 node npm; do command -v $t >/dev/null && echo "still here: $t"; done; ip -brief link 2>/dev/null || cat /proc/net/dev | tail -n +3 | cut -d: -f1; getent passwd lookout || echo "no lookout user yet"'
run "dpkg -i /tmp/debs/$amd64"
run 'dpkg -s lookout | grep -E "^(Status|Architecture|Version|Installed-Size|Depends):"; du -sh /usr/lib/lookout; ls -l /usr/bin/lookout /lib/systemd/system/lookout.service; ls -ld /etc/lookout /etc/lookout/lookout.yaml /var/lib/lookout; id lookout; cat /var/lib/dpkg/info/lookout.conffiles'
run 'find /usr/lib/lookout -name "*.node" | sort'
run 'lookout --version'
run 'lookout config check /etc/lookout/lookout.yaml; echo "exit $?"'
# One turn (2048 spokes x 1024 cells) of the real recording as a raw u8 matrix, decoded by the
# installed package's own CAT240 decoder and Node.
run "/usr/lib/lookout/node/bin/node --input-type=module -e '
import { gunzipSync } from \"node:zlib\";
import { readFileSync, writeFileSync } from \"node:fs\";
const { Cat240Decoder } = await import(\"/usr/lib/lookout/agent/dist/protocols/cat240/decoder.js\");
const rows = 2048, cols = 1024, out = new Uint8Array(rows * cols);
let n = 0;
const d = new Cat240Decoder({ onFrame: (m) => { if (m.type === \"cat240.video\" && n < rows) out.set(m.cells.subarray(0, cols), cols * n++); } });
const bytes = gunzipSync(readFileSync(\"/srv/shared-data/$recording\"));
for (let i = 0; i < bytes.length && n < rows; i += 65536) d.push(bytes.subarray(i, i + 65536), { monoMs: 0, wallMs: 0 });
writeFileSync(\"/tmp/turn.u8\", out);
console.log(\"one turn: \" + n + \" spokes x \" + cols + \" cells -> /tmp/turn.u8\");
'"
run 'lookout detect --input /tmp/turn.u8 --dtype u8 --rows 2048 --cols 1024 --method ca --guard 2 --train 16 --pfa 1e-6 --impl native --wrap'
run 'lookout detect --input /tmp/turn.u8 --dtype u8 --rows 2048 --cols 1024 --method ca --guard 2 --train 16 --pfa 1e-6 --impl reference --wrap'
# Without its prebuild the packaged agent says so, and falls back to the reference detector.
run 'mv /usr/lib/lookout/native/prebuilds /tmp/prebuilds.away; lookout detect --input /tmp/turn.u8 --dtype u8 --rows 2048 --cols 1024 --method ca --guard 2 --train 16 --pfa 1e-6 --wrap 2>/tmp/err.json; echo "exit $?"; grep -o "NATIVE DETECTOR NOT LOADED[^\"]*" /tmp/err.json'
expect_fail 'lookout detect --input /tmp/turn.u8 --dtype u8 --rows 2048 --cols 1024 --method ca --guard 2 --train 16 --pfa 1e-6 --impl native'
run 'mv /tmp/prebuilds.away /usr/lib/lookout/native/prebuilds'
# Installing again (the upgrade path) keeps an edited conffile and the data directory.
run "sed -i 's/^unit: radar-01/unit: radar-07/' /etc/lookout/lookout.yaml; echo outbox > /var/lib/lookout/marker; dpkg -i /tmp/debs/$amd64 && grep '^unit:' /etc/lookout/lookout.yaml && cat /var/lib/lookout/marker && ls -l /etc/lookout/lookout.yaml"
run "grep -q '^unit: radar-07' /etc/lookout/lookout.yaml && test -f /var/lib/lookout/marker && echo 'upgrade kept the edited configuration and the data'"
run 'systemd-analyze verify /lib/systemd/system/lookout.service && echo "systemd-analyze verify: clean"'
expect_fail "dpkg -i /tmp/debs/$arm64"
run 'dpkg --purge lookout; ls /usr/lib/lookout /etc/lookout /var/lib/lookout /usr/bin/lookout 2>&1 | sed "s/^/after purge: /"'
INSIDE
echo
echo "test-deb: ok"
