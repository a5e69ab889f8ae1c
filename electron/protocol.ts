/**
 * The `app://rounds/` scheme that serves the built renderer: a privileged standard scheme (so the page
 * gets a real origin, relative URLs and fetch), every response with the CSP, nothing outside the
 * renderer folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../host/security-headers.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rounds';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Whether a URL is a page of the app itself (URL.origin is "null" for custom schemes, hence the long way). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file an app:// URL names inside `rendererDir`, or null for anything else (other hosts, `..`, bad escapes). */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || pathname.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export async function respondToAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const file = resolveAppPath(rendererDir, request.url);
  if (!file) return new Response('Forbidden', { status: 403, headers: SECURITY_HEADERS });
  try {
    const body = await fs.readFile(file);
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
  } catch {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  }
}

/** After `app.whenReady()`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rendererDir, request));
}
