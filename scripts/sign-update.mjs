// Signs the update feeds of a release, so the app installs only what we published.
//
//   node scripts/sign-update.mjs keygen        a new Ed25519 key pair, printed as the two variables below
//   node scripts/sign-update.mjs [folder]      signs every latest*.yml in folder (default: release/)
//
// ROUNDS_UPDATE_SIGNING_KEY (the private key: a secret of the release machine) signs; the build ships
// ROUNDS_UPDATE_PUBLIC_KEY inside the app (build/release.cjs), which checks each feed with it before
// downloading and the downloaded file after (electron/updates/signature.ts builds the same text).
// Before signing, every file a feed lists must be in the folder with the feed's size and sha512.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The YAML parser electron-updater reads the feed with (a dependency of it), so both read the same values.
const yaml = createRequire(createRequire(import.meta.url).resolve('electron-updater'))('js-yaml');

export const SIGNATURE_FIELD = 'roundsSignature';
const CONTEXT = 'rounds-update-feed/1';

/** The exact text that is signed; electron/updates/signature.ts verifies the same. */
export function signedFeedText(feed) {
  return [CONTEXT, `version\t${feed.version}`, ...feed.files.map((file) => `file\t${file.url}\t${file.size}\t${file.sha512}`), ''].join('\n');
}

export function generateUpdateKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** ROUNDS_UPDATE_SIGNING_KEY as keygen prints it (base64 PKCS#8), or a PEM private key. */
export function signingKeyFrom(text) {
  const value = text.trim();
  const key = value.startsWith('-----BEGIN')
    ? createPrivateKey(value)
    : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('ROUNDS_UPDATE_SIGNING_KEY is not an Ed25519 private key (make one with: node scripts/sign-update.mjs keygen)');
  return key;
}

function sha512Of(file) {
  return createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

/** Checks the files the feed lists against the folder, then writes the feed back with its signature. */
export function signFeed(feedFile, privateKey) {
  const feed = yaml.load(fs.readFileSync(feedFile, 'utf8'));
  if (!feed || typeof feed.version !== 'string' || !Array.isArray(feed.files) || feed.files.length === 0) {
    throw new Error(`${feedFile} is not an update feed (no version or files)`);
  }
  for (const file of feed.files) {
    if (/\p{Cc}/u.test(`${feed.version}${file.url}`)) throw new Error(`${feedFile}: a control character in the version or a file name`);
    const local = path.join(path.dirname(feedFile), path.basename(file.url));
    if (!fs.existsSync(local)) throw new Error(`${feedFile} lists ${file.url}, which is not beside it`);
    if (fs.statSync(local).size !== file.size || sha512Of(local) !== file.sha512) {
      throw new Error(`${feedFile}: ${file.url} does not match the size and sha512 the feed gives — rebuild rather than sign`);
    }
  }
  const signature = sign(null, Buffer.from(signedFeedText(feed), 'utf8'), privateKey).toString('base64');
  // Written as electron-builder writes its feeds (js-yaml, long lines kept whole).
  fs.writeFileSync(feedFile, yaml.dump({ ...feed, [SIGNATURE_FIELD]: signature }, { lineWidth: 8000 }));
  return signature;
}

/** Signs every latest*.yml in the folder; refuses a key that is not the one the build ships, when that is given. */
export function signRelease(folder, env) {
  if (!env.ROUNDS_UPDATE_SIGNING_KEY) throw new Error('ROUNDS_UPDATE_SIGNING_KEY is not set (make a key pair with: node scripts/sign-update.mjs keygen)');
  const privateKey = signingKeyFrom(env.ROUNDS_UPDATE_SIGNING_KEY);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  if (env.ROUNDS_UPDATE_PUBLIC_KEY && env.ROUNDS_UPDATE_PUBLIC_KEY.trim() !== publicKey) {
    throw new Error('ROUNDS_UPDATE_SIGNING_KEY is not the private half of ROUNDS_UPDATE_PUBLIC_KEY: the app would refuse this release');
  }
  const feeds = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => /^latest.*\.yml$/.test(name)) : [];
  if (feeds.length === 0) throw new Error(`no latest*.yml in ${folder}: build the release first (npm run dist with ROUNDS_UPDATE_URL set)`);
  for (const name of feeds) signFeed(path.join(folder, name), privateKey);
  return feeds;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'sign-update.mjs')) {
  try {
    if (process.argv[2] === 'keygen') {
      const keys = generateUpdateKeys();
      console.log(`ROUNDS_UPDATE_SIGNING_KEY=${keys.signingKey}`);
      console.log(`ROUNDS_UPDATE_PUBLIC_KEY=${keys.publicKey}`);
      console.error('Keep ROUNDS_UPDATE_SIGNING_KEY secret (it signs releases); ROUNDS_UPDATE_PUBLIC_KEY goes into every build.');
    } else {
      const folder = path.resolve(process.argv[2] ?? 'release');
      for (const name of signRelease(folder, process.env)) console.log(`signed ${path.join(folder, name)}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
