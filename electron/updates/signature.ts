/**
 * The publisher's signature on an update feed (latest.yml, latest-mac.yml, latest-linux.yml).
 *
 * electron-updater checks a download against the feed's sha512, and on Windows the installer's
 * Authenticode publisher; on macOS it leaves the rest to Squirrel, and on Linux nothing says the feed
 * came from us. So every feed is signed at release time (scripts/sign-update.mjs) with an Ed25519 key
 * whose public half ships inside the app, and the app installs only bytes that a feed signed by that
 * key lists: the signature covers the version and every file's name, size and sha512. Pure Node — no
 * Electron — so it is tested on its own and against what the release script writes.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/** The feed field the release script adds: base64 Ed25519 signature of `signedFeedText`. */
export const SIGNATURE_FIELD = 'roundsSignature';
/** Names what is signed, so a signature made for anything else never verifies here. */
const CONTEXT = 'rounds-update-feed/1';

const line = z.string().regex(/^\P{Cc}+$/u, 'one line, no control characters');
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
const feedSchema = z.object({
  version: line,
  files: z.array(z.object({ url: line, size: z.number().int().nonnegative(), sha512: base64 })).min(1),
  [SIGNATURE_FIELD]: base64.optional(),
});

export type SignedFeed = z.infer<typeof feedSchema>;

export type FeedVerdict =
  | { ok: true; feed: SignedFeed }
  /** `malformed`: not a feed this app can read; `unsigned`: no signature; `badSignature`: not made by our key for this feed */
  | { ok: false; reason: 'malformed' | 'unsigned' | 'badSignature' };

export type DownloadVerdict = FeedVerdict | { ok: false; reason: 'fileMismatch' };

/** The exact text that is signed: the version, then each file as the feed lists it (one line each). */
export function signedFeedText(feed: Pick<SignedFeed, 'version' | 'files'>): string {
  return [CONTEXT, `version\t${feed.version}`, ...feed.files.map((file) => `file\t${file.url}\t${file.size}\t${file.sha512}`), ''].join('\n');
}

/** The public key as the build ships it (base64 of the SPKI DER the release script prints); null if it is not an Ed25519 key. */
export function updatePublicKey(base64Spki: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Whether the feed (as electron-updater parsed it) carries a valid signature by `publicKey`. */
export function verifyFeed(info: unknown, publicKey: KeyObject): FeedVerdict {
  const parsed = feedSchema.safeParse(info);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const signature = parsed.data[SIGNATURE_FIELD];
  if (signature === undefined) return { ok: false, reason: 'unsigned' };
  const valid = verify(null, Buffer.from(signedFeedText(parsed.data), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  return valid ? { ok: true, feed: parsed.data } : { ok: false, reason: 'badSignature' };
}

async function sha512Base64(file: string): Promise<{ sha512: string; size: number }> {
  const hash = createHash('sha512');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha512: hash.digest('base64'), size };
}

/** The signed feed, and the downloaded file being byte for byte one of the files it lists. */
export async function verifyDownload(info: unknown, downloadedFile: string, publicKey: KeyObject): Promise<DownloadVerdict> {
  const verdict = verifyFeed(info, publicKey);
  if (!verdict.ok) return verdict;
  const actual = await sha512Base64(downloadedFile);
  const listed = verdict.feed.files.some((file) => file.sha512 === actual.sha512 && file.size === actual.size);
  return listed ? verdict : { ok: false, reason: 'fileMismatch' };
}
