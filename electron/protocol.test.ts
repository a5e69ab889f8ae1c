import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { protocol } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers.js';
import { registerAppScheme, resolveAppPath, respondToAppRequest, serveRenderer } from './protocol.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

let rendererDir: string;
const SECRET = 'TOP-SECRET-CONTENT';

beforeAll(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
});

describe('resolveAppPath', () => {
  it('maps app://rounds/ paths into the renderer folder, / meaning index.html', () => {
    expect(resolveAppPath(rendererDir, 'app://rounds/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppPath(rendererDir, 'app://rounds/assets/app.js?v=1#x')).toBe(path.join(rendererDir, 'assets', 'app.js'));
  });

  it('refuses traversal, other hosts and other schemes', () => {
    for (const url of [
      'app://rounds/../secret.txt',
      'app://rounds/%2e%2e/secret.txt',
      'app://rounds/assets/..%2f..%2fsecret.txt',
      'app://rounds/%2e%2e%5csecret.txt',
      'app://rounds/%00index.html',
      'app://rounds/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const resolved = resolveAppPath(rendererDir, url);
      if (resolved !== null) expect(path.relative(rendererDir, resolved).startsWith('..')).toBe(false);
      expect(resolved === null || resolved.startsWith(rendererDir + path.sep)).toBe(true);
    }
    expect(resolveAppPath(rendererDir, 'app://rounds/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://evil/index.html')).toBeNull();
  });
});

describe('respondToAppRequest', () => {
  it('serves files with their type and the CSP header', async () => {
    const response = await respondToAppRequest(rendererDir, new Request('app://rounds/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses a traversal with 403 and never returns the file', async () => {
    const response = await respondToAppRequest(rendererDir, new Request('app://rounds/assets/..%2f..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers a missing file with 404, CSP included', async () => {
    const response = await respondToAppRequest(rendererDir, new Request('app://rounds/nope.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme and serves it from the renderer folder', async () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    serveRenderer(rendererDir);
    const [scheme, handler] = vi.mocked(protocol.handle).mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await (handler as (r: Request) => Promise<Response>)(new Request('app://rounds/index.html'));
    expect(await response.text()).toContain('<title>Rounds</title>');
  });
});
