/**
 * Signed updates for a packaged build, started with one call from main.ts. A build looks for updates
 * only when it was packaged with a feed and the key to check it (build/release.cjs puts the key into
 * the packaged package.json, inside app.asar); a development run or a build without them never does.
 */
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { ApiOutputs } from '../../core/api/contract.js';
import { defaultLanguage } from '../../host/environment.js';
import type { ApiCall } from '../notifications.js';
import { updatePublicKey } from './signature.js';
import { watchForUpdates, type UpdateWatch } from './updater.js';

export type { UpdateWatch } from './updater.js';

/** The update key this build ships; null when it has none (or it is not an Ed25519 key). */
export function shippedUpdateKey(appPath: string): KeyObject | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { rounds?: { updatePublicKey?: unknown } };
    const key = manifest.rounds?.updatePublicKey;
    return typeof key === 'string' ? updatePublicKey(key) : null;
  } catch {
    return null;
  }
}

export interface StartUpdatesOptions {
  /** the service, for the language the dialogs speak */
  call: ApiCall;
  parentWindow: () => BrowserWindow | null;
}

export function startUpdates({ call, parentWindow }: StartUpdatesOptions): UpdateWatch | null {
  if (!app.isPackaged) return null;
  const publicKey = shippedUpdateKey(app.getAppPath());
  if (!publicKey) {
    console.info('Updates are off: this build was packaged without an update feed and key');
    return null;
  }
  const language = async () => {
    const settings = await call('settings.get', undefined);
    return settings.ok ? (settings.value as ApiOutputs['settings.get']).language : defaultLanguage();
  };
  return watchForUpdates({ updater: autoUpdater, publicKey, language, parentWindow, log: console });
}
