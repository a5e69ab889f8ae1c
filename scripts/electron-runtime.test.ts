/**
 * Finding the Electron runtime must never download it: electron's own index.js (Electron 42 and later)
 * fetches the binary when it is missing, so `npm start` and postinstall read its path.txt instead.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { electronBinaryPath, electronVersion } from './electron-runtime.mjs';

const findBinary = electronBinaryPath as (packageDir?: string) => string | null;
const executable = process.platform === 'win32' ? 'electron.exe' : 'electron';

let packageDir: string;
let loadedMarker: string;

beforeEach(() => {
  packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-electron-package-'));
  loadedMarker = path.join(packageDir, 'index-was-loaded');
  // Stands in for electron's index.js, which would start a download: it must never run.
  fs.writeFileSync(path.join(packageDir, 'index.js'), `require('fs').writeFileSync(${JSON.stringify(loadedMarker)}, '');`);
  fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(packageDir, { recursive: true, force: true });
});

describe('electronBinaryPath', () => {
  it('is null when the binary was never downloaded, without loading electron (which would download it)', () => {
    expect(findBinary(packageDir)).toBeNull();
    expect(fs.existsSync(loadedMarker)).toBe(false);
  });

  it('is null when path.txt names a binary that is not there', () => {
    fs.writeFileSync(path.join(packageDir, 'path.txt'), executable);
    expect(findBinary(packageDir)).toBeNull();
    expect(fs.existsSync(loadedMarker)).toBe(false);
  });

  it('finds the downloaded binary that path.txt names under dist/', () => {
    fs.writeFileSync(path.join(packageDir, 'path.txt'), executable);
    fs.mkdirSync(path.join(packageDir, 'dist'));
    fs.writeFileSync(path.join(packageDir, 'dist', executable), '');
    expect(findBinary(packageDir)).toBe(path.join(packageDir, 'dist', executable));
    expect(fs.existsSync(loadedMarker)).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron does', () => {
    const override = path.join(packageDir, 'custom-build');
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, 'electron'), '');
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', override);
    expect(findBinary(packageDir)).toBe(path.join(override, 'electron'));
  });
});

describe('the Electron-ABI SQLite driver', () => {
  it("is fetched for the ABI the installed Electron declares: prebuild-install's node-abi knows this Electron major", () => {
    const root = path.resolve(import.meta.dirname, '..');
    const version = (electronVersion as () => string | null)();
    expect(version).not.toBeNull();
    const requireFromPrebuild = createRequire(createRequire(path.join(root, 'package.json')).resolve('prebuild-install/package.json'));
    const nodeAbi = requireFromPrebuild('node-abi') as { getAbi: (target: string, runtime: string) => string };
    expect(nodeAbi.getAbi(version!, 'electron')).toBe(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
  });
});
