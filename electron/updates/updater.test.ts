/**
 * The real electron-updater against a local update feed (node:http on 127.0.0.1), with the mocked
 * `electron` underneath it: feeds signed by the release script with our key, another key or none;
 * files changed on the feed; a feed that is down. The updater is electron-updater's NsisUpdater, whose
 * download path is the same on every platform (the feed is served under every platform's name).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { NsisUpdater } from 'electron-updater';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../db/testing/tempDir.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateUpdateKeys, signFeed, signingKeyFrom } from '../../scripts/sign-update.mjs';
import { electronMock, fakeApp, fakeDialog } from '../electron-mock.js';
import { updatePublicKey } from './signature.js';
import { watchForUpdates, type UpdateWatch, type UpdateWatchOptions } from './updater.js';

vi.mock('electron', async () => (await import('../electron-mock.js')).electronMock());

// electron-updater loads `electron` with require(), which vi.mock does not reach: hand it the same fakes.
type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;
beforeAll(() => {
  const electron = electronMock();
  moduleInternals._load = function (request, ...rest) {
    return request === 'electron' ? electron : originalLoad.call(this, request, ...rest);
  };
});
afterAll(() => {
  moduleInternals._load = originalLoad;
});

const tempDir = useTempDir();
const INSTALLER = 'Rounds-Setup-1.1.0.exe';
const keys = generateUpdateKeys() as { signingKey: string; publicKey: string };
const publicKey = updatePublicKey(keys.publicKey)!;

/** The feed: a few files by path, every request recorded, and a switch to take it down. */
class Feed {
  readonly files = new Map<string, Buffer>();
  readonly requests: string[] = [];
  private server: http.Server | null = null;
  port = 0;

  async up(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://feed').pathname.slice(1));
      this.requests.push(name);
      const body = this.files.get(name);
      response.writeHead(body ? 200 : 404, { 'content-length': body?.length ?? 0 }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Publishes version 1.1.0: the installer and its feed, signed as `sign` says. */
  publish({ installer = randomBytes(64 * 1024), sign = keys as { signingKey: string } | null }: { installer?: Buffer; sign?: { signingKey: string } | null } = {}): Buffer {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, INSTALLER), installer);
    const sha512 = createHash('sha512').update(installer).digest('base64');
    const feedFile = path.join(dir, 'latest.yml');
    fs.writeFileSync(
      feedFile,
      `version: 1.1.0\nfiles:\n  - url: ${INSTALLER}\n    sha512: ${sha512}\n    size: ${installer.length}\npath: ${INSTALLER}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T08:00:00.000Z'\n`,
    );
    if (sign) signFeed(feedFile, signingKeyFrom(sign.signingKey));
    const feed = fs.readFileSync(feedFile);
    for (const name of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) this.files.set(name, feed);
    this.files.set(INSTALLER, installer);
    return installer;
  }

  downloads(): number {
    return this.requests.filter((name) => name === INSTALLER).length;
  }
}

let feed: Feed;
let updater: NsisUpdater;
let watches: UpdateWatch[];
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** electron-updater's Windows updater as a packaged 1.0.0 build has it, reading app-update.yml. */
function packagedUpdater(appUpdate: Record<string, unknown> = {}): NsisUpdater {
  const dir = tempDir();
  const config = path.join(dir, 'app-update.yml');
  const lines = Object.entries({ provider: 'generic', url: feed.url, updaterCacheDirName: 'rounds-updater', ...appUpdate }).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  fs.writeFileSync(config, `${lines.join('\n')}\n`);
  const created = new NsisUpdater();
  created.updateConfigPath = config;
  created.disableDifferentialDownload = true; // the feed has no blockmaps
  vi.spyOn(created, 'quitAndInstall').mockImplementation(() => undefined);
  return created;
}

function watch(options: Partial<UpdateWatchOptions> = {}): UpdateWatch {
  const started = watchForUpdates({
    updater,
    publicKey,
    language: async () => 'en',
    parentWindow: () => null,
    log,
    firstCheckMs: 3_600_000,
    ...options,
  });
  watches.push(started);
  return started;
}

function dialogs(): Array<{ type: string; message: string; buttons: string[] }> {
  return fakeDialog.showMessageBox.mock.calls.map((args) => args.at(-1) as { type: string; message: string; buttons: string[] });
}

beforeEach(async () => {
  const home = tempDir();
  // Where electron-updater keeps downloads (~/.cache, ~/Library/Caches or %LOCALAPPDATA%).
  vi.stubEnv('XDG_CACHE_HOME', home);
  vi.stubEnv('HOME', home);
  vi.stubEnv('LOCALAPPDATA', home);
  Object.assign(fakeApp, { isPackaged: true, version: '1.0.0', userData: tempDir() });
  fakeApp.once.mockClear();
  fakeDialog.showMessageBox.mockClear();
  for (const fn of Object.values(log)) fn.mockClear();
  watches = [];
  feed = new Feed();
  await feed.up();
  updater = packagedUpdater();
});

afterEach(async () => {
  for (const started of watches) started.stop();
  await feed.down();
  fakeApp.isPackaged = false;
  vi.unstubAllEnvs();
});

describe('updates from a local feed', () => {
  it('downloads a signed update in the background, asks, and installs on "restart now"', async () => {
    feed.publish();
    const outcome = await watch().check();
    expect(outcome).toEqual({ kind: 'installing', version: '1.1.0' });
    expect(feed.downloads()).toBe(1);
    expect(dialogs()).toEqual([expect.objectContaining({ type: 'info', message: 'Rounds 1.1.0 is ready to install', buttons: ['Restart now', 'Later'] })]);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('asks over the main window, in Chinese when the rep uses Chinese', async () => {
    feed.publish();
    const window = { isDestroyed: () => false } as unknown as BrowserWindow;
    await watch({ language: async () => 'zh-CN', parentWindow: () => window }).check();
    expect(fakeDialog.showMessageBox.mock.calls[0]![0]).toBe(window);
    expect(dialogs()[0]).toMatchObject({ message: '巡访 1.1.0 已下载，可以安装', buttons: ['立即重启', '稍后'] });
  });

  it('"later" installs nothing, now or on quit, and asks again at the next check without downloading again', async () => {
    feed.publish();
    fakeDialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const updates = watch();
    expect(await updates.check()).toEqual({ kind: 'later', version: '1.1.0' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(fakeApp.once).not.toHaveBeenCalledWith('quit', expect.anything()); // no install-on-quit handler
    expect(await updates.check()).toEqual({ kind: 'installing', version: '1.1.0' });
    expect(feed.downloads()).toBe(1);
  });

  it('refuses an unsigned update before downloading it, says so once, and never installs it', async () => {
    feed.publish({ sign: null });
    const updates = watch();
    expect(await updates.check()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'unsigned' });
    expect(await updates.check()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'unsigned' });
    expect(feed.downloads()).toBe(0);
    expect(dialogs()).toEqual([expect.objectContaining({ type: 'warning', message: 'The update to Rounds 1.1.0 was refused', buttons: ['OK'] })]);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('refused (unsigned)'));
  });

  it('refuses an update signed with another key', async () => {
    feed.publish({ sign: generateUpdateKeys() });
    expect(await watch().check()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'badSignature' });
    expect(feed.downloads()).toBe(0);
    expect(dialogs().map((box) => box.type)).toEqual(['warning']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('refuses a tampered file: other bytes under a signed feed fail the download; a feed edited to match them fails its signature', async () => {
    const signed = feed.publish();
    const tampered = Buffer.from(signed);
    tampered[100] = tampered[100]! ^ 0xff;
    feed.files.set(INSTALLER, tampered);
    const updates = watch();
    expect(await updates.check()).toMatchObject({ kind: 'failed', message: expect.stringMatching(/sha512 checksum mismatch/) });
    expect(feed.downloads()).toBe(1);
    expect(dialogs()).toEqual([]);

    // The feed rewritten for the tampered bytes, its signature left as it was.
    const signature = /roundsSignature: (.+)/.exec(feed.files.get('latest.yml')!.toString())![1]!;
    feed.publish({ installer: tampered, sign: null });
    for (const name of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) {
      feed.files.set(name, Buffer.concat([feed.files.get(name)!, Buffer.from(`roundsSignature: ${signature}\n`)]));
    }
    expect(await updates.check()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'badSignature' });
    expect(feed.downloads()).toBe(1);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('on Windows, refuses an installer whose Authenticode publisher is not ours even under a signed feed', async () => {
    updater = packagedUpdater({ publisherName: ['Rounds Software Ltd'] });
    updater.verifyUpdateCodeSignature = async (publishers) => `not signed by ${publishers.join(', ')}`;
    feed.publish();
    expect(await watch().check()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'publisher' });
    expect(dialogs().map((box) => box.type)).toEqual(['warning']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('says nothing when the feed has nothing newer, signed or not', async () => {
    feed.publish();
    fakeApp.version = '1.1.0';
    updater = packagedUpdater();
    expect(await watch().check()).toEqual({ kind: 'upToDate' });
    feed.publish({ sign: null });
    fakeApp.version = '1.2.0';
    updater = packagedUpdater();
    expect(await watch().check()).toEqual({ kind: 'upToDate' });
    expect(feed.downloads()).toBe(0);
    expect(dialogs()).toEqual([]);
  });

  it('a feed that is down: quiet, logged, and tried again later by itself', { timeout: 20_000 }, async () => {
    feed.publish();
    await feed.down();
    const updates = watch({ firstCheckMs: 0, retryMs: 300, everyMs: 3_600_000 });
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/^Update check failed; trying again in .*ECONNREFUSED/)), { timeout: 10_000 });
    expect(dialogs()).toEqual([]);

    await feed.up();
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(dialogs().map((box) => box.type)).toEqual(['info']);
    updates.stop();
  });
});
