import { describe, expect, it } from 'vitest';
import { parseBrowserArgs } from './browser-args.js';

describe('parseBrowserArgs', () => {
  it('defaults to a random port and opening the browser', () => {
    expect(parseBrowserArgs([])).toEqual({ dataDir: undefined, port: 0, open: true });
  });

  it('reads --data-dir, --port and --no-open', () => {
    expect(parseBrowserArgs(['--data-dir', '/tmp/r', '--port', '8123', '--no-open'])).toEqual({ dataDir: '/tmp/r', port: 8123, open: false });
  });

  it('rejects a bad port and unknown flags', () => {
    expect(() => parseBrowserArgs(['--port', 'eighty'])).toThrow('--port');
    expect(() => parseBrowserArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseBrowserArgs(['--verbose'])).toThrow();
  });
});
