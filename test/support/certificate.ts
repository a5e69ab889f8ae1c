/**
 * A self-signed TLS certificate for 127.0.0.1 and localhost, valid for a day, made in Node (the
 * `selfsigned` package) so the HTTPS tests need no openssl CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  cert: string;
  key: string;
}

/** Writes `cert.pem` and `key.pem` (an EC P-256 key) into `dir`. */
export async function writeSelfSignedCertificate(dir: string): Promise<CertificateFiles> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const files = { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  fs.writeFileSync(files.cert, pems.cert);
  fs.writeFileSync(files.key, pems.private, { mode: 0o600 });
  return files;
}
