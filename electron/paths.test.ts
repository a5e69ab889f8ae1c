import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag, electronCjkFont, electronDataDir, electronNativeBinding, electronResources } from './paths.js';

describe('electronDataDir', () => {
  it("uses Electron's userData folder unless a flag or ROUNDS_DATA_DIR says otherwise", () => {
    expect(electronDataDir(['electron', '.'], {}, '/home/u/.config/Rounds')).toBe('/home/u/.config/Rounds');
    expect(electronDataDir(['electron', '.', '--data-dir=/tmp/a'], {}, '/u')).toBe('/tmp/a');
    expect(electronDataDir(['electron', '--data-dir', '/tmp/b'], { ROUNDS_DATA_DIR: '/tmp/env' }, '/u')).toBe('/tmp/b');
    expect(electronDataDir(['electron'], { ROUNDS_DATA_DIR: '/tmp/env' }, '/u')).toBe('/tmp/env');
  });

  it('ignores Chromium switches around the flag', () => {
    expect(dataDirFlag(['--no-sandbox', '--data-dir', '/x', '--disable-gpu'])).toBe('/x');
    expect(dataDirFlag(['--no-sandbox'])).toBeUndefined();
  });
});

describe('electronNativeBinding', () => {
  it('finds the Electron-ABI build in development and in the packaged resources', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-native-'));
    const dev = path.join(root, 'node_modules', '.rounds-electron', 'better_sqlite3.node');
    const packaged = path.join(root, 'resources', 'native', 'better_sqlite3.node');
    expect(electronNativeBinding({ isPackaged: false, appPath: root, resourcesPath: '' })).toBeUndefined();
    for (const file of [dev, packaged]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
    }
    expect(electronNativeBinding({ isPackaged: false, appPath: root, resourcesPath: '' })).toBe(dev);
    expect(electronNativeBinding({ isPackaged: true, appPath: '/nowhere', resourcesPath: path.join(root, 'resources') })).toBe(packaged);
  });
});

describe('electronResources', () => {
  it('points the packaged app at the Noto Sans SC copy in its resources folder', () => {
    const resourcesPath = path.join('/opt', 'Rounds', 'resources');
    expect(electronCjkFont({ isPackaged: true, appPath: '/opt/Rounds/resources/app.asar', resourcesPath })).toBe(path.join(resourcesPath, 'fonts', 'NotoSansSC-Regular.ttf'));
    expect(electronResources({ isPackaged: true, appPath: '/nowhere', resourcesPath })).toEqual({ cjkFont: path.join(resourcesPath, 'fonts', 'NotoSansSC-Regular.ttf') });
  });

  it('passes no font in development, where the export worker finds the one in node_modules', () => {
    expect(electronCjkFont({ isPackaged: false, appPath: '/repo', resourcesPath: '/electron/resources' })).toBeUndefined();
    expect(electronResources({ isPackaged: false, appPath: '/repo-without-electron-build', resourcesPath: '/electron/resources' })).toEqual({});
  });
});
