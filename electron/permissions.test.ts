import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock.js';
import { lockDownPermissions } from './permissions.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean;
type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;

const APP_PAGE = 'app://rounds/index.html?route=settings';
const EVERY_OTHER_PERMISSION = ['media', 'geolocation', 'openExternal', 'notifications', 'clipboard-read', 'display-capture', 'fullscreen', 'hid', 'usb', 'serial', 'midiSysex', 'persistent-storage', 'fileSystem', 'unknown'];
const FOREIGN_PAGES = ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'null'];

let session: FakeWebContents['session'];

beforeEach(() => {
  session = new FakeWebContents().session;
  lockDownPermissions(session as unknown as Session);
});

function request(permission: string, details: Record<string, unknown>): boolean {
  const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
  const callback = vi.fn();
  handler({}, permission, callback, details);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] as boolean;
}

function check(permission: string, requestingOrigin: string, details: { requestingUrl?: string; isMainFrame: boolean }): boolean {
  const handler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;
  return handler({}, permission, requestingOrigin, details);
}

describe('permission requests', () => {
  it("grant only writing to the clipboard, to the app's own top frame (antd's copy buttons)", () => {
    expect(request('clipboard-sanitized-write', { requestingUrl: APP_PAGE, isMainFrame: true })).toBe(true);
    expect(request('clipboard-sanitized-write', { requestingUrl: APP_PAGE, isMainFrame: false })).toBe(false);
  });

  it('refuse camera, microphone, geolocation, opening other apps, notifications and the rest, even from app://', () => {
    for (const permission of EVERY_OTHER_PERMISSION) {
      expect(request(permission, { requestingUrl: APP_PAGE, isMainFrame: true, externalURL: 'mailto:someone@example.com', mediaTypes: ['video', 'audio'] }), permission).toBe(false);
    }
  });

  it('refuse everything from any other origin', () => {
    for (const requestingUrl of FOREIGN_PAGES) {
      for (const permission of ['clipboard-sanitized-write', ...EVERY_OTHER_PERMISSION]) {
        expect(request(permission, { requestingUrl, isMainFrame: true }), `${permission} from ${requestingUrl}`).toBe(false);
      }
    }
  });
});

describe('permission checks', () => {
  it("pass only for writing to the clipboard from the app's own top frame", () => {
    expect(check('clipboard-sanitized-write', 'app://rounds', { requestingUrl: APP_PAGE, isMainFrame: true })).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://rounds', { requestingUrl: APP_PAGE, isMainFrame: false })).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://rounds', { isMainFrame: true })).toBe(false); // no document asked
  });

  it('fail for every other permission from app:// and for everything from another origin', () => {
    for (const permission of EVERY_OTHER_PERMISSION) {
      expect(check(permission, 'app://rounds', { requestingUrl: APP_PAGE, isMainFrame: true }), permission).toBe(false);
    }
    for (const page of FOREIGN_PAGES) {
      const origin = page === 'null' ? page : new URL(page).origin;
      for (const permission of ['clipboard-sanitized-write', ...EVERY_OTHER_PERMISSION]) {
        expect(check(permission, origin, { requestingUrl: page, isMainFrame: true }), `${permission} from ${page}`).toBe(false);
        // A foreign origin claiming an app:// document is still refused.
        expect(check(permission, origin, { requestingUrl: APP_PAGE, isMainFrame: true }), `${permission} from ${origin}`).toBe(false);
      }
    }
  });
});

describe('devices', () => {
  it('are never granted without asking (and asking is refused above)', () => {
    const handler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (details: unknown) => boolean;
    expect(handler({ deviceType: 'hid', origin: 'app://rounds', device: {} })).toBe(false);
    expect(handler({ deviceType: 'usb', origin: 'https://evil.example', device: {} })).toBe(false);
  });
});
