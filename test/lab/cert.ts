// Per-lab self-signed certificate, so clients under test can verify TLS against a known CA
// (the cert itself) instead of turning verification off.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LabCert {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
  fingerprint256: string;
}

export async function makeCert(dir: string): Promise<LabCert> {
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  // P-256 rather than RSA: key generation takes milliseconds, which keeps lab start fast.
  await run('openssl', [
    'req', '-x509', '-nodes',
    '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-keyout', keyPath, '-out', certPath,
    '-days', '30',
    '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-addext', 'basicConstraints=critical,CA:TRUE',
  ]);
  const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { certPath, keyPath, certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
