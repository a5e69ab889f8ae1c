import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportWorkerLaunch } from './workerLaunch.js';

describe('exportWorkerLaunch', () => {
  it('starts the TypeScript worker through the tsx bootstrap when running from source', () => {
    const launch = exportWorkerLaunch(new URL('./exportJobs.ts', import.meta.url).href);
    expect(fileURLToPath(launch.file)).toBe(fileURLToPath(new URL('./tsWorker.mjs', import.meta.url)));
    expect(launch.entry).toBe(new URL('./exportWorker.ts', import.meta.url).href);
    expect(fs.existsSync(launch.file)).toBe(true);
    expect(fs.existsSync(new URL(launch.entry ?? ''))).toBe(true);
  });

  it('starts the bundled worker beside the Electron main bundle, with no bootstrap', () => {
    const launch = exportWorkerLaunch('file:///opt/Rounds/resources/app.asar/dist/electron/main.cjs');
    expect(launch.file.href).toBe('file:///opt/Rounds/resources/app.asar/dist/electron/exportWorker.cjs');
    expect(launch.entry).toBeNull();
  });
});
