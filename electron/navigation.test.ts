import { shell, type WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock.js';
import { lockDownNavigation } from './navigation.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

let contents: FakeWebContents;

beforeEach(() => {
  vi.mocked(shell.openExternal).mockClear();
  contents = new FakeWebContents();
  lockDownNavigation(contents as unknown as WebContents);
});

describe('will-navigate', () => {
  it('stays put inside the app', () => {
    expect(contents.emitCancellable('will-navigate', { url: 'app://rounds/index.html#/accounts' })).toBe(false);
  });

  it('cancels navigation away and hands https links to the OS browser', () => {
    expect(contents.emitCancellable('will-navigate', { url: 'https://example.com/page' })).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/page');
  });

  it('cancels and drops anything that is not https', () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html']) {
      expect(contents.emitCancellable('will-navigate', { url })).toBe(true);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('cancels redirects out of the app and webview attachment', () => {
    expect(contents.emitCancellable('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });
});

describe('will-frame-navigate', () => {
  it('cancels a frame inside the page leaving the app, and opens nothing', () => {
    for (const url of ['https://evil.example/', 'http://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html', 'about:blank']) {
      expect(contents.emitCancellable('will-frame-navigate', { url, isMainFrame: false, isSameDocument: false }), url).toBe(true);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets a frame stay inside the app', () => {
    expect(contents.emitCancellable('will-frame-navigate', { url: 'app://rounds/index.html', isMainFrame: false, isSameDocument: false })).toBe(false);
  });

  it('leaves the top frame to will-navigate, so an https link still opens in the OS browser', () => {
    expect(contents.emitCancellable('will-frame-navigate', { url: 'https://example.com/page', isMainFrame: true, isSameDocument: false })).toBe(false);
    expect(contents.emitCancellable('will-navigate', { url: 'https://example.com/page' })).toBe(true);
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/page']]);
  });
});

describe('window.open', () => {
  it('is always denied; https opens in the OS browser, other schemes nowhere', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://rounds/index.html' })).toEqual({ action: 'deny' });
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/']]);
  });
});
