/** Which builds look for updates at all: only a packaged one that ships a valid update key. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../db/testing/tempDir.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateUpdateKeys } from '../../scripts/sign-update.mjs';
import { fakeApp } from '../electron-mock.js';
import { shippedUpdateKey, startUpdates, type UpdateWatch } from './index.js';

vi.mock('electron', async () => (await import('../electron-mock.js')).electronMock());
const platformUpdater = vi.hoisted(() => ({ autoInstallOnAppQuit: true, checkForUpdates: vi.fn(async () => null) }));
vi.mock('electron-updater', () => ({ autoUpdater: platformUpdater }));

const tempDir = useTempDir();
const call = vi.fn(async () => ({ ok: true as const, value: { language: 'en' } }));
const started: UpdateWatch[] = [];

/** The app folder of a build whose package.json carries `rounds` as build/release.cjs writes it. */
function appWith(rounds?: unknown): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'rounds', version: '1.0.0', ...(rounds ? { rounds } : {}) }));
  return dir;
}

function start(): UpdateWatch | null {
  const watch = startUpdates({ call, parentWindow: () => null });
  if (watch) started.push(watch);
  return watch;
}

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  platformUpdater.autoInstallOnAppQuit = true;
});

afterEach(() => {
  for (const watch of started.splice(0)) watch.stop();
  fakeApp.isPackaged = false;
  vi.restoreAllMocks();
});

describe('startUpdates', () => {
  it('does nothing in a development run, whatever the app folder holds', () => {
    fakeApp.appPath = appWith({ updatePublicKey: generateUpdateKeys().publicKey });
    expect(start()).toBeNull();
    expect(platformUpdater.autoInstallOnAppQuit).toBe(true);
  });

  it('does nothing in a packaged build without an update key, and says why in the log', () => {
    fakeApp.isPackaged = true;
    fakeApp.appPath = appWith();
    expect(start()).toBeNull();
    expect(console.info).toHaveBeenCalledWith(expect.stringContaining('Updates are off'));
  });

  it('watches with the platform updater in a packaged build that ships its key, never installing on quit', async () => {
    fakeApp.isPackaged = true;
    fakeApp.appPath = appWith({ updatePublicKey: generateUpdateKeys().publicKey });
    const watch = start();
    expect(watch).not.toBeNull();
    expect(platformUpdater.autoInstallOnAppQuit).toBe(false);
    await expect(watch!.check()).resolves.toEqual({ kind: 'upToDate' });
    expect(platformUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('reads only an Ed25519 key from the packaged package.json', () => {
    expect(shippedUpdateKey(appWith({ updatePublicKey: generateUpdateKeys().publicKey }))?.asymmetricKeyType).toBe('ed25519');
    expect(shippedUpdateKey(appWith({ updatePublicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQc=' }))).toBeNull();
    expect(shippedUpdateKey(appWith({ updatePublicKey: 42 }))).toBeNull();
    expect(shippedUpdateKey(tempDir())).toBeNull();
  });
});
