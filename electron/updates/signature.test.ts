/**
 * The app's check of a feed and of a downloaded file, against feeds signed by the release script
 * (scripts/sign-update.mjs) and read with the YAML parser electron-updater uses.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../db/testing/tempDir.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateUpdateKeys, signFeed, signingKeyFrom } from '../../scripts/sign-update.mjs';
import { SIGNATURE_FIELD, updatePublicKey, verifyDownload, verifyFeed } from './signature.js';

const yaml = createRequire(createRequire(import.meta.url).resolve('electron-updater'))('js-yaml') as {
  load: (text: string) => Record<string, unknown>;
  dump: (value: unknown) => string;
};
const tempDir = useTempDir();

interface Keys {
  signingKey: string;
  publicKey: string;
}

/** A release folder as electron-builder leaves it: an installer and the feed naming its size and sha512. */
function release(contents = 'installer bytes of 1.1.0') {
  const dir = tempDir();
  const installer = path.join(dir, 'Rounds-Setup-1.1.0.exe');
  fs.writeFileSync(installer, contents);
  const sha512 = createHash('sha512').update(contents).digest('base64');
  const feed = path.join(dir, 'latest.yml');
  fs.writeFileSync(
    feed,
    [
      'version: 1.1.0',
      'files:',
      '  - url: Rounds-Setup-1.1.0.exe',
      `    sha512: ${sha512}`,
      `    size: ${Buffer.byteLength(contents)}`,
      'path: Rounds-Setup-1.1.0.exe',
      `sha512: ${sha512}`,
      "releaseDate: '2026-12-01T08:00:00.000Z'",
      '',
    ].join('\n'),
  );
  return { dir, installer, feed };
}

function signedRelease(keys: Keys) {
  const files = release();
  signFeed(files.feed, signingKeyFrom(keys.signingKey));
  return { ...files, info: yaml.load(fs.readFileSync(files.feed, 'utf8')) };
}

const ours: Keys = generateUpdateKeys();
const publicKey = updatePublicKey(ours.publicKey)!;

describe('the update feed signature', () => {
  it('accepts a feed the release script signed with our key, as electron-updater parses it', () => {
    const { info } = signedRelease(ours);
    expect(info[SIGNATURE_FIELD]).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyFeed(info, publicKey)).toMatchObject({ ok: true, feed: { version: '1.1.0' } });
  });

  it('refuses an unsigned feed', () => {
    const { feed } = release();
    expect(verifyFeed(yaml.load(fs.readFileSync(feed, 'utf8')), publicKey)).toEqual({ ok: false, reason: 'unsigned' });
  });

  it('refuses a feed signed with another key', () => {
    const { info } = signedRelease(generateUpdateKeys());
    expect(verifyFeed(info, publicKey)).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('refuses a signed feed whose version, file name, size or sha512 was changed afterwards', () => {
    const { info } = signedRelease(ours);
    const files = info.files as Array<Record<string, unknown>>;
    const changed = [
      { ...info, version: '9.9.9' },
      { ...info, files: [{ ...files[0], url: 'Evil-Setup.exe' }] },
      { ...info, files: [{ ...files[0], size: 1 }] },
      { ...info, files: [{ ...files[0], sha512: Buffer.alloc(64, 1).toString('base64') }] },
      { ...info, files: [...files, { url: 'extra.exe', size: 1, sha512: Buffer.alloc(64).toString('base64') }] },
    ];
    for (const feed of changed) expect(verifyFeed(feed, publicKey)).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('refuses what is not a feed it can check: no files, a legacy path only, a control character, a signature that is not base64', () => {
    const { info } = signedRelease(ours);
    const files = info.files as Array<Record<string, unknown>>;
    for (const feed of [
      { ...info, files: [] },
      { version: '1.1.0', path: 'Rounds-Setup-1.1.0.exe', sha512: files[0]!.sha512, [SIGNATURE_FIELD]: info[SIGNATURE_FIELD] },
      { ...info, files: [{ ...files[0], url: 'Rounds\nSetup.exe' }] },
      { ...info, [SIGNATURE_FIELD]: 'not base64!' },
      null,
    ]) {
      expect(verifyFeed(feed, publicKey)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('accepts the downloaded file only when its bytes are the ones the signed feed lists', async () => {
    const { info, installer } = signedRelease(ours);
    await expect(verifyDownload(info, installer, publicKey)).resolves.toMatchObject({ ok: true });
    fs.writeFileSync(installer, 'installer bytes of 1.1.O');
    await expect(verifyDownload(info, installer, publicKey)).resolves.toEqual({ ok: false, reason: 'fileMismatch' });
    fs.writeFileSync(installer, 'installer bytes of 1.1.0 and more');
    await expect(verifyDownload(info, installer, publicKey)).resolves.toEqual({ ok: false, reason: 'fileMismatch' });
  });

  it('checks the feed before the file: an unsigned feed is refused whatever the file', async () => {
    const { feed, installer } = release();
    await expect(verifyDownload(yaml.load(fs.readFileSync(feed, 'utf8')), installer, publicKey)).resolves.toEqual({ ok: false, reason: 'unsigned' });
  });

  it('takes only an Ed25519 public key as the update key', () => {
    expect(updatePublicKey(ours.publicKey)?.asymmetricKeyType).toBe('ed25519');
    const ecdsa = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(updatePublicKey(ecdsa)).toBeNull();
    expect(updatePublicKey('not a key')).toBeNull();
    expect(updatePublicKey('')).toBeNull();
  });
});
