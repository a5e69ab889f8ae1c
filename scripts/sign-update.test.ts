/**
 * The release script: it signs only a release whose files match their feed, only with a key whose
 * public half is the one the build ships (when given), and its keygen prints a pair that works.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateUpdateKeys, signedFeedText, signingKeyFrom, signRelease } from './sign-update.mjs';

const yaml = createRequire(createRequire(import.meta.url).resolve('electron-updater'))('js-yaml') as { load: (text: string) => Record<string, unknown> };
const script = path.join(import.meta.dirname, 'sign-update.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Keys {
  signingKey: string;
  publicKey: string;
}

/** A release folder with one file per feed (Windows, macOS, Linux), as electron-builder leaves it. */
function releaseFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-release-'));
  dirs.push(dir);
  for (const [feed, file] of [
    ['latest.yml', 'Rounds-Setup-1.1.0.exe'],
    ['latest-mac.yml', 'Rounds-1.1.0-mac.zip'],
    ['latest-linux.yml', 'Rounds-1.1.0.AppImage'],
  ] as const) {
    const bytes = `the bytes of ${file}`;
    fs.writeFileSync(path.join(dir, file), bytes);
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    fs.writeFileSync(path.join(dir, feed), `version: 1.1.0\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${bytes.length}\npath: ${file}\nsha512: ${sha512}\n`);
  }
  fs.writeFileSync(path.join(dir, 'builder-debug.yml'), 'x: 1\n');
  return dir;
}

function signatureHolds(feedFile: string, keys: Keys): boolean {
  const feed = yaml.load(fs.readFileSync(feedFile, 'utf8'));
  const publicKey = createPublicKey({ key: Buffer.from(keys.publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(signedFeedText(feed)), publicKey, Buffer.from(String(feed.roundsSignature), 'base64'));
}

describe('scripts/sign-update.mjs', () => {
  it('signs every latest*.yml of the release folder and keeps what electron-builder wrote', () => {
    const keys: Keys = generateUpdateKeys();
    const dir = releaseFolder();
    expect(signRelease(dir, { ROUNDS_UPDATE_SIGNING_KEY: keys.signingKey, ROUNDS_UPDATE_PUBLIC_KEY: keys.publicKey }).sort()).toEqual([
      'latest-linux.yml',
      'latest-mac.yml',
      'latest.yml',
    ]);
    for (const feed of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) {
      expect(signatureHolds(path.join(dir, feed), keys)).toBe(true);
      expect(yaml.load(fs.readFileSync(path.join(dir, feed), 'utf8'))).toMatchObject({ version: '1.1.0', path: expect.any(String), sha512: expect.any(String) });
    }
    expect(fs.readFileSync(path.join(dir, 'builder-debug.yml'), 'utf8')).toBe('x: 1\n');

    // Signing again (say, with a new key) replaces the signature.
    const next: Keys = generateUpdateKeys();
    signRelease(dir, { ROUNDS_UPDATE_SIGNING_KEY: next.signingKey });
    expect(signatureHolds(path.join(dir, 'latest.yml'), next)).toBe(true);
    expect(signatureHolds(path.join(dir, 'latest.yml'), keys)).toBe(false);
  });

  it('refuses to sign a file that is not what its feed says, or a feed naming a missing file', () => {
    const keys: Keys = generateUpdateKeys();
    const env = { ROUNDS_UPDATE_SIGNING_KEY: keys.signingKey };
    const changed = releaseFolder();
    fs.appendFileSync(path.join(changed, 'Rounds-1.1.0.AppImage'), '!');
    expect(() => signRelease(changed, env)).toThrow(/Rounds-1\.1\.0\.AppImage does not match/);
    const missing = releaseFolder();
    fs.rmSync(path.join(missing, 'Rounds-1.1.0-mac.zip'));
    expect(() => signRelease(missing, env)).toThrow(/lists Rounds-1\.1\.0-mac\.zip, which is not beside it/);
  });

  it('refuses without a key, with a key that is not the one the build ships, or with no feed to sign', () => {
    const keys: Keys = generateUpdateKeys();
    expect(() => signRelease(releaseFolder(), {})).toThrow(/ROUNDS_UPDATE_SIGNING_KEY is not set/);
    expect(() => signRelease(releaseFolder(), { ROUNDS_UPDATE_SIGNING_KEY: keys.signingKey, ROUNDS_UPDATE_PUBLIC_KEY: generateUpdateKeys().publicKey })).toThrow(
      /not the private half of ROUNDS_UPDATE_PUBLIC_KEY/,
    );
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-release-'));
    dirs.push(empty);
    expect(() => signRelease(empty, { ROUNDS_UPDATE_SIGNING_KEY: keys.signingKey })).toThrow(/no latest\*\.yml/);
  });

  it('reads the signing key as keygen prints it or as PEM, and only an Ed25519 one', () => {
    const keys: Keys = generateUpdateKeys();
    const fromBase64 = signingKeyFrom(keys.signingKey);
    const pem = fromBase64.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(signingKeyFrom(pem).asymmetricKeyType).toBe('ed25519');
    expect(() => signingKeyFrom('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow();
  });

  it('keygen prints a pair that signs and verifies, then a release signed from the command line', () => {
    const keygen = spawnSync(process.execPath, [script, 'keygen'], { encoding: 'utf8' });
    expect(keygen.status).toBe(0);
    const printed = Object.fromEntries(keygen.stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2))) as Record<string, string>;
    expect(Object.keys(printed)).toEqual(['ROUNDS_UPDATE_SIGNING_KEY', 'ROUNDS_UPDATE_PUBLIC_KEY']);
    const dir = releaseFolder();
    const sign = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', env: { ...process.env, ...printed } });
    expect(sign.stderr).toBe('');
    expect(sign.status).toBe(0);
    expect(signatureHolds(path.join(dir, 'latest.yml'), { signingKey: printed.ROUNDS_UPDATE_SIGNING_KEY!, publicKey: printed.ROUNDS_UPDATE_PUBLIC_KEY! })).toBe(true);

    const refused = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', env: { ...process.env, ROUNDS_UPDATE_SIGNING_KEY: '' } });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/ROUNDS_UPDATE_SIGNING_KEY is not set/);
  });
});
