import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
  it('names the app and targets NSIS, dmg, AppImage and deb', () => {
    expect(config.productName).toBe('Rounds');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
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
