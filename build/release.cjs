// What a release adds to the electron-builder configuration, all from environment variables so no
// secret is ever in the repository (README "Releases and updates" lists them):
// - the update feed (ROUNDS_UPDATE_URL, a generic HTTPS folder) and the Ed25519 public key the app
//   checks every feed with (ROUNDS_UPDATE_PUBLIC_KEY, injected into the packaged package.json, which
//   lives inside the integrity-checked app.asar); the two go together, and a build with a feed must be
//   code-signed (forceCodeSigning: macOS and Windows fail rather than ship unsigned);
// - Windows signing: a certificate through electron-builder's own CSC_LINK / CSC_KEY_PASSWORD (or
//   WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD) with ROUNDS_WIN_PUBLISHER_NAME, or Azure Trusted Signing with
//   ROUNDS_AZURE_SIGNING_ENDPOINT / _ACCOUNT / ROUNDS_AZURE_CERTIFICATE_PROFILE (AZURE_TENANT_ID,
//   AZURE_CLIENT_ID, AZURE_CLIENT_SECRET authenticate); the publisher name also goes into
//   app-update.yml, so electron-updater checks each Windows installer's Authenticode signer too;
// - macOS: the hardened runtime with build/entitlements.mac.plist, signed through CSC_LINK /
//   CSC_KEY_PASSWORD (or a keychain identity), notarized when Apple credentials are set (APPLE_API_KEY +
//   APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or
//   APPLE_KEYCHAIN_PROFILE); electron-builder reads them and refuses an incomplete set.
const { createPublicKey } = require('node:crypto');

const ENTITLEMENTS = 'build/entitlements.mac.plist';

function isEd25519PublicKey(base64) {
  try {
    return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** HTTPS, or plain HTTP on this machine only (a local test feed). */
function isFeedUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

function updates(env) {
  const url = env.ROUNDS_UPDATE_URL;
  const publicKey = env.ROUNDS_UPDATE_PUBLIC_KEY;
  if (!url && !publicKey) return { publish: null };
  if (!url || !publicKey) throw new Error('ROUNDS_UPDATE_URL and ROUNDS_UPDATE_PUBLIC_KEY go together: a build that looks for updates must be able to check them');
  if (!isFeedUrl(url)) throw new Error(`ROUNDS_UPDATE_URL must be an https:// address: ${url}`);
  if (!isEd25519PublicKey(publicKey)) throw new Error('ROUNDS_UPDATE_PUBLIC_KEY is not an Ed25519 public key (node scripts/sign-update.mjs keygen prints one)');
  return {
    publish: [{ provider: 'generic', url }],
    forceCodeSigning: true,
    extraMetadata: { rounds: { updatePublicKey: publicKey } },
  };
}

function windowsSigning(env) {
  const publisherName = env.ROUNDS_WIN_PUBLISHER_NAME || undefined;
  const azure = [env.ROUNDS_AZURE_SIGNING_ENDPOINT, env.ROUNDS_AZURE_SIGNING_ACCOUNT, env.ROUNDS_AZURE_CERTIFICATE_PROFILE];
  if (azure.every((value) => !value)) return { signtoolOptions: { ...(publisherName ? { publisherName } : {}), signingHashAlgorithms: ['sha256'] } };
  if (azure.some((value) => !value) || !publisherName) {
    throw new Error('Azure Trusted Signing needs ROUNDS_AZURE_SIGNING_ENDPOINT, ROUNDS_AZURE_SIGNING_ACCOUNT, ROUNDS_AZURE_CERTIFICATE_PROFILE and ROUNDS_WIN_PUBLISHER_NAME');
  }
  const [endpoint, codeSigningAccountName, certificateProfileName] = azure;
  return { azureSignOptions: { publisherName, endpoint, codeSigningAccountName, certificateProfileName } };
}

function macSigning(env) {
  const notarize = Boolean(env.APPLE_API_KEY || env.APPLE_ID || env.APPLE_KEYCHAIN_PROFILE);
  return { hardenedRuntime: true, entitlements: ENTITLEMENTS, entitlementsInherit: ENTITLEMENTS, notarize };
}

/** `{ win, mac, ...top-level options }` for the given environment. */
function releaseOptions(env) {
  return { ...updates(env), win: windowsSigning(env), mac: macSigning(env) };
}

module.exports = { releaseOptions };
