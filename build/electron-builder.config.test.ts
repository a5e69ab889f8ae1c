import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
interface Platform {
  target: string[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  icon: string;
  asar?: boolean;
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
  win: Platform;
  mac: Platform;
  linux: Platform;
}

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs') as BuilderConfig;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('names the app and targets NSIS, dmg (and the zip the Mac updater installs from), AppImage and deb', () => {
    expect(config.productName).toBe('Rounds');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packages the built app, whose entry is package.json main', () => {
    expect(config.files).toContain('dist/**/*');
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(manifest.scripts.dist).toContain('build/electron-builder.config.cjs');
  });

  it('ships the Electron-ABI better-sqlite3 and the CJK font with its licence where electron/paths.ts looks for them', () => {
    expect(config.extraResources).toEqual([
      { from: 'node_modules/.rounds-electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
      { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' },
      { from: 'node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/NotoSansSC-LICENSE.txt' },
    ]);
    const paths = fs.readFileSync(path.join(root, 'electron', 'paths.ts'), 'utf8');
    expect(paths).toContain("'native', 'better_sqlite3.node'");
    expect(paths).toContain("'fonts', 'NotoSansSC-Regular.ttf'");
  });

  it('takes the font and its licence from the installed dev dependency, the same file the resolver finds', () => {
    const [, font, licence] = config.extraResources;
    expect(fs.readFileSync(path.join(root, font!.from)).readUInt32BE(0)).toBe(0x00010000); // a TrueType font
    expect(fs.readFileSync(path.join(root, licence!.from), 'utf8')).toContain('SIL Open Font License');
    expect(fs.readFileSync(path.join(root, 'db', 'export', 'fonts.ts'), 'utf8')).toContain(font!.from.replace('node_modules/', ''));
  });

  it('references icons that exist, the PNG being 512×512', () => {
    for (const icon of [config.icon, config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
    }
    expect(pngSize(config.icon)).toEqual({ width: 512, height: 512 });
    expect(fs.readFileSync(path.join(root, config.mac.icon)).subarray(0, 4).toString('ascii')).toBe('icns');
    expect(fs.readFileSync(path.join(root, config.win.icon)).readUInt16LE(2)).toBe(1);
  });

  it('is a configuration electron-builder itself accepts (its schema refuses unknown or misspelt options)', async () => {
    const builder = createRequire(require.resolve('electron-builder'));
    const { validateConfiguration } = builder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    const debug = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration({ ...config }, debug)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, debug)).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS, no --inspect; cookies encrypted; only the checked app.asar', () => {
    expect(config.electronFuses.runAsNode).toBe(false);
    expect(config.electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(config.electronFuses.enableNodeCliInspectArguments).toBe(false);
    expect(config.electronFuses.enableCookieEncryption).toBe(true);
    expect(config.electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(config.electronFuses.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
    // Loading only from app.asar needs the app packed in one.
    expect(config.asar ?? true).toBe(true);
  });
});

describe('release configuration from the environment', () => {
  const RELEASE_VARIABLES = [
    'ROUNDS_UPDATE_URL',
    'ROUNDS_UPDATE_PUBLIC_KEY',
    'ROUNDS_WIN_PUBLISHER_NAME',
    'ROUNDS_AZURE_SIGNING_ENDPOINT',
    'ROUNDS_AZURE_SIGNING_ACCOUNT',
    'ROUNDS_AZURE_CERTIFICATE_PROFILE',
    'APPLE_API_KEY',
    'APPLE_ID',
    'APPLE_KEYCHAIN_PROFILE',
  ];
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const feed = { ROUNDS_UPDATE_URL: 'https://updates.example.com/rounds/', ROUNDS_UPDATE_PUBLIC_KEY: publicKey };

  interface ReleaseConfig extends BuilderConfig {
    publish: unknown;
    forceCodeSigning?: boolean;
    extraMetadata?: { rounds: { updatePublicKey: string } };
    win: Platform & { signtoolOptions?: Record<string, unknown>; azureSignOptions?: Record<string, unknown> };
    mac: Platform & { hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize: boolean };
  }

  /** The configuration as electron-builder would load it under this environment (both files read afresh). */
  function configUnder(env: Record<string, string>): ReleaseConfig {
    for (const name of RELEASE_VARIABLES) vi.stubEnv(name, undefined);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    for (const file of ['./electron-builder.config.cjs', './release.cjs']) delete require.cache[require.resolve(file)];
    return require('./electron-builder.config.cjs') as ReleaseConfig;
  }

  async function accepted(candidate: ReleaseConfig): Promise<void> {
    const builder = createRequire(require.resolve('electron-builder'));
    const { validateConfiguration } = builder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await validateConfiguration({ ...candidate }, { isEnabled: false, add: () => undefined });
  }

  afterEach(() => vi.unstubAllEnvs());

  it('without release variables: no feed, no update key, nothing forced; the hardened runtime is on and notarizing off', () => {
    const plain = configUnder({});
    expect(plain.publish).toBeNull();
    expect(plain.extraMetadata).toBeUndefined();
    expect(plain.forceCodeSigning).toBeUndefined();
    expect(plain.win.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'] });
    expect(plain.mac).toMatchObject({ hardenedRuntime: true, notarize: false });
  });

  it('publishes to the generic feed of ROUNDS_UPDATE_URL, ships ROUNDS_UPDATE_PUBLIC_KEY in package.json and forces code signing', async () => {
    const release = configUnder(feed);
    expect(release.publish).toEqual([{ provider: 'generic', url: 'https://updates.example.com/rounds/' }]);
    expect(release.extraMetadata).toEqual({ rounds: { updatePublicKey: publicKey } });
    expect(release.forceCodeSigning).toBe(true);
    await accepted(release);
  });

  it('refuses a feed without its key, a key without a feed, a plain-http feed and a key that is not Ed25519', () => {
    expect(() => configUnder({ ROUNDS_UPDATE_URL: feed.ROUNDS_UPDATE_URL })).toThrow(/go together/);
    expect(() => configUnder({ ROUNDS_UPDATE_PUBLIC_KEY: publicKey })).toThrow(/go together/);
    expect(() => configUnder({ ...feed, ROUNDS_UPDATE_URL: 'http://updates.example.com/' })).toThrow(/https/);
    const ecdsa = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(() => configUnder({ ...feed, ROUNDS_UPDATE_PUBLIC_KEY: ecdsa })).toThrow(/Ed25519/);
  });

  it('signs Windows builds with signtool (certificate from CSC_LINK) under ROUNDS_WIN_PUBLISHER_NAME, or with Azure Trusted Signing', async () => {
    const signtool = configUnder({ ...feed, ROUNDS_WIN_PUBLISHER_NAME: 'Rounds Software Ltd' });
    expect(signtool.win.signtoolOptions).toEqual({ publisherName: 'Rounds Software Ltd', signingHashAlgorithms: ['sha256'] });
    await accepted(signtool);

    const azure = configUnder({
      ...feed,
      ROUNDS_WIN_PUBLISHER_NAME: 'Rounds Software Ltd',
      ROUNDS_AZURE_SIGNING_ENDPOINT: 'https://eus.codesigning.azure.net',
      ROUNDS_AZURE_SIGNING_ACCOUNT: 'rounds',
      ROUNDS_AZURE_CERTIFICATE_PROFILE: 'rounds-public',
    });
    expect(azure.win.signtoolOptions).toBeUndefined();
    expect(azure.win.azureSignOptions).toEqual({
      publisherName: 'Rounds Software Ltd',
      endpoint: 'https://eus.codesigning.azure.net',
      codeSigningAccountName: 'rounds',
      certificateProfileName: 'rounds-public',
    });
    await accepted(azure);
    expect(() => configUnder({ ROUNDS_AZURE_SIGNING_ENDPOINT: 'https://eus.codesigning.azure.net' })).toThrow(/Azure Trusted Signing needs/);
  });

  it('signs macOS builds with the hardened runtime and the JIT-only entitlements, and notarizes when Apple credentials are set', async () => {
    const mac = configUnder(feed).mac;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
    const entitlements = fs.readFileSync(path.join(root, mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toMatch(/disable-library-validation|allow-unsigned-executable-memory/);
    expect(mac.notarize).toBe(false);
    const credentialSets: Array<Record<string, string>> = [{ APPLE_API_KEY: '/keys/AuthKey.p8' }, { APPLE_ID: 'release@example.com' }, { APPLE_KEYCHAIN_PROFILE: 'rounds-notary' }];
    for (const credentials of credentialSets) {
      expect(configUnder({ ...feed, ...credentials }).mac.notarize).toBe(true);
    }
    await accepted(configUnder({ ...feed, APPLE_API_KEY: '/keys/AuthKey.p8' }));
  });
});
