/**
 * Test PKI made with the `openssl` CLI: a CA, a server certificate for 127.0.0.1/localhost,
 * client certificates whose CN is the unit id (mosquitto's `use_identity_as_username`), an
 * expired client certificate and one signed by an unknown CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertPair {
  cert: string;
  key: string;
}

export interface TestPki {
  dir: string;
  /** CA certificate path (PEM). */
  ca: string;
  caKey: string;
  server: CertPair;
  /** Issues (or returns) a client certificate with CN = `cn`, signed by the CA. */
  client(cn: string): CertPair;
  /** A client certificate with CN = `cn` whose validity ended in the past. */
  expiredClient(cn: string): CertPair;
  /** A client certificate with CN = `cn` signed by a CA the broker does not know. */
  unknownClient(cn: string): CertPair;
  /** A second CA (not the broker's): to test "wrong CA" on the client side. */
  otherCa: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): { cert: string; key: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return { cert, key };
}

function issue(dir: string, ca: { cert: string; key: string }, name: string, cn: string, ext: string, dates?: { start: string; end: string }): CertPair {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const extFile = join(dir, `${name}.ext`);
  writeFileSync(extFile, ext);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`], dir);
  if (!dates) {
    openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '30', '-extfile', extFile], dir);
    return { cert, key };
  }
  // `openssl x509` cannot back-date a certificate; `openssl ca` can (-startdate/-enddate).
  const caDir = join(dir, `ca-${name}`);
  mkdirSync(join(caDir, 'new'), { recursive: true });
  writeFileSync(join(caDir, 'index.txt'), '');
  writeFileSync(join(caDir, 'serial'), '1000\n');
  const conf = join(caDir, 'ca.cnf');
  writeFileSync(conf, [
    '[ca]', 'default_ca = test_ca', '[test_ca]', `dir = ${caDir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir/new',
    'serial = $dir/serial', 'default_md = sha256', 'policy = any', 'copy_extensions = none', 'unique_subject = no', '[any]', 'commonName = supplied',
    '[ext]', ...ext.split('\n').filter(Boolean), '',
  ].join('\n'));
  openssl(['ca', '-batch', '-config', conf, '-cert', ca.cert, '-keyfile', ca.key, '-in', csr, '-out', cert, '-extensions', 'ext',
    '-startdate', dates.start, '-enddate', dates.end, '-notext'], dir);
  return { cert, key };
}

const SERVER_EXT = 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n';
const CLIENT_EXT = 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n';

/** Creates a fresh PKI in a temporary directory (about a second of openssl work). */
export function createTestPki(dir = mkdtempSync(join(tmpdir(), 'lookout-pki-'))): TestPki {
  const ca = makeCa(dir, 'ca');
  const other = makeCa(dir, 'other-ca');
  const server = issue(dir, ca, 'server', 'localhost', SERVER_EXT);
  const clients = new Map<string, CertPair>();
  return {
    dir,
    ca: ca.cert,
    caKey: ca.key,
    otherCa: other.cert,
    server,
    client(cn) {
      let pair = clients.get(cn);
      if (!pair) {
        pair = issue(dir, ca, `client-${cn}`, cn, CLIENT_EXT);
        clients.set(cn, pair);
      }
      return pair;
    },
    expiredClient(cn) {
      return issue(dir, ca, `expired-${cn}`, cn, CLIENT_EXT, { start: '20200101000000Z', end: '20200201000000Z' });
    },
    unknownClient(cn) {
      return issue(dir, other, `unknown-${cn}`, cn, CLIENT_EXT);
    },
  };
}

/** Reads a PEM file (for mqtt.js options that want contents rather than paths). */
export function pem(path: string): Buffer {
  return readFileSync(path);
}
