import { describe, expect, it } from 'vitest';
import { findChromium, NoBrowserError } from './browser.js';

describe('findChromium', () => {
  const only = (...files: string[]) => (file: string) => files.includes(file);

  it('takes ROUNDS_CHROMIUM first, and says so when it names nothing', () => {
    expect(findChromium({ ROUNDS_CHROMIUM: '/opt/edge/msedge' }, 'linux', only('/opt/edge/msedge', '/usr/bin/chromium'))).toBe('/opt/edge/msedge');
    expect(() => findChromium({ ROUNDS_CHROMIUM: '/nowhere/chrome' }, 'linux', only('/usr/bin/chromium'))).toThrow('ROUNDS_CHROMIUM names /nowhere/chrome, which does not exist.');
  });

  it('finds a system Chromium, Chrome or Edge', () => {
    expect(findChromium({}, 'linux', only('/usr/bin/google-chrome-stable'))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({}, 'darwin', only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'))).toContain('Microsoft Edge');
  });

  it('fails in one line that says what to install when there is none', () => {
    const attempt = () => findChromium({}, 'linux', () => false);
    expect(attempt).toThrow(NoBrowserError);
    expect(attempt).toThrow(/^No Chromium-family browser for the end-to-end tests: install Chromium \(Debian: apt-get install chromium\), Google Chrome or Microsoft Edge, or set ROUNDS_CHROMIUM to one\.$/);
  });
});
