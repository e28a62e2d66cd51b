// Generates the static protobuf code (protobufjs-cli) from proto/lookout/v1/*.proto into
// agent/src/wire/gen/, for the agent, the hub API and the tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const protoDir = join(root, 'proto', 'lookout', 'v1');
const outDir = join(root, 'agent', 'src', 'wire', 'gen');
const protos = existsSync(protoDir) ? readdirSync(protoDir).filter((f) => f.endsWith('.proto')).sort() : [];
if (protos.length === 0) {
  console.log('gen-proto: no .proto files yet');
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const bin = join(root, 'node_modules', '.bin');
const js = join(outDir, 'lookout.js');
execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--force-number', '-p', join(root, 'proto'), '-o', js, ...protos.map((p) => join(protoDir, p))], { stdio: 'inherit' });
execFileSync(join(bin, 'pbts'), ['-o', join(outDir, 'lookout.d.ts'), js], { stdio: 'inherit' });
console.log(`gen-proto: ${protos.length} file(s) -> ${js}`);
