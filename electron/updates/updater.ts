/**
 * Updates in the background, installed only when the rep says so. electron-updater looks at the feed
 * the build names (app-update.yml) and downloads a newer version by itself; before it downloads, the
 * feed must carry our Ed25519 signature (`isUpdateSupported`), and once downloaded, the file must be
 * byte for byte one the signed feed lists (signature.ts). Only then a dialog asks "restart now /
 * later"; nothing installs on quit behind the rep's back. A refused update is never installed and the
 * rep is told once per version; a feed that cannot be reached is logged and tried again later, quietly.
 */
import type { KeyObject } from 'node:crypto';
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater, Logger } from 'electron-updater';
import { updateDialogText, type UpdateLanguage } from './messages.js';
import { verifyDownload, verifyFeed, type DownloadVerdict } from './signature.js';

type Refusal = Exclude<DownloadVerdict, { ok: true }>['reason'];

/** Let the app settle before the first look at the feed. */
export const FIRST_CHECK_MS = 60_000;
export const CHECK_EVERY_MS = 4 * 60 * 60_000;
/** After a failed check (feed down, no network, a download cut short). */
export const RETRY_AFTER_MS = 30 * 60_000;

export interface UpdateWatchOptions {
  /** electron-updater's updater for this platform */
  updater: AppUpdater;
  /** the key every feed must be signed with */
  publicKey: KeyObject;
  language: () => Promise<UpdateLanguage>;
  /** the window the dialogs belong to, if one is open */
  parentWindow: () => BrowserWindow | null;
  log: Logger;
  firstCheckMs?: number;
  everyMs?: number;
  retryMs?: number;
}

export type UpdateOutcome =
  | { kind: 'upToDate' }
  | { kind: 'refused'; version: string; reason: Refusal | 'publisher' }
  | { kind: 'installing'; version: string }
  | { kind: 'later'; version: string }
  | { kind: 'failed'; message: string };

export interface UpdateWatch {
  /** one look at the feed now: download, verify, ask (one at a time) */
  check(): Promise<UpdateOutcome>;
  stop(): void;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

export function watchForUpdates(options: UpdateWatchOptions): UpdateWatch {
  const { updater, publicKey, log } = options;
  const everyMs = options.everyMs ?? CHECK_EVERY_MS;
  const retryMs = options.retryMs ?? RETRY_AFTER_MS;

  updater.logger = log;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  // A web installer fetches a second package the feed signature does not cover.
  updater.disableWebInstaller = true;

  /** Set by the pre-download check when the feed offers a newer version without a valid signature. */
  let refusedFeed: { version: string; reason: Refusal } | null = null;
  const isSupported = updater.isUpdateSupported;
  updater.isUpdateSupported = async (info) => {
    // Asked for any version other than ours; only a newer one could be installed, so only that is judged.
    if (updater.currentVersion.compare(info.version) >= 0) return isSupported(info);
    const verdict = verifyFeed(info, publicKey);
    if (!verdict.ok) {
      refusedFeed = { version: String(info.version), reason: verdict.reason };
      return false;
    }
    return isSupported(info);
  };

  const told = new Set<string>();

  const showDialog = async (box: MessageBoxOptions) => {
    const parent = options.parentWindow();
    return parent && !parent.isDestroyed() ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box);
  };

  const refuse = async (version: string, reason: Refusal | 'publisher'): Promise<UpdateOutcome> => {
    log.warn(`Update to ${version} refused (${reason}): not installed`);
    if (!told.has(version)) {
      told.add(version);
      const text = updateDialogText(await options.language(), 'refused', version);
      await showDialog({ type: 'warning', ...text, noLink: true });
    }
    return { kind: 'refused', version, reason };
  };

  const ask = async (version: string): Promise<UpdateOutcome> => {
    const text = updateDialogText(await options.language(), 'ready', version);
    const { response } = await showDialog({ type: 'info', ...text, defaultId: 0, cancelId: 1, noLink: true });
    if (response !== 0) {
      log.info(`Update to ${version} downloaded; installing later`);
      return { kind: 'later', version };
    }
    log.info(`Installing the update to ${version}`);
    // Silent, and the app starts again afterwards: the rep already said yes.
    updater.quitAndInstall(true, true);
    return { kind: 'installing', version };
  };

  const attempt = async (): Promise<UpdateOutcome> => {
    refusedFeed = null;
    let version: string | null = null;
    try {
      const result = await updater.checkForUpdates();
      const refused = refusedFeed as { version: string; reason: Refusal } | null; // set by the hook during the check
      if (refused) return await refuse(refused.version, refused.reason);
      if (!result?.isUpdateAvailable || !result.downloadPromise) return { kind: 'upToDate' };
      version = result.updateInfo.version;
      const [file] = await result.downloadPromise;
      const verdict: DownloadVerdict = file ? await verifyDownload(result.updateInfo, file, publicKey) : { ok: false, reason: 'fileMismatch' };
      return verdict.ok ? await ask(version) : await refuse(version, verdict.reason);
    } catch (error) {
      // Windows: electron-updater's own check of the installer's Authenticode publisher failed.
      if (version && errorCode(error) === 'ERR_UPDATER_INVALID_SIGNATURE') return refuse(version, 'publisher');
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`Update check failed; trying again in ${Math.round(retryMs / 60_000)} min: ${message}`);
      return { kind: 'failed', message };
    }
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<UpdateOutcome> | null = null;
  let stopped = false;

  const schedule = (wait: number) => {
    if (timer) clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void check(), wait);
  };

  const check = (): Promise<UpdateOutcome> => {
    running ??= (async () => {
      let wait = retryMs;
      try {
        const outcome = await attempt();
        if (outcome.kind !== 'failed') wait = everyMs;
        return outcome;
      } finally {
        running = null;
        schedule(wait);
      }
    })();
    return running;
  };

  schedule(options.firstCheckMs ?? FIRST_CHECK_MS);
  return {
    check,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
