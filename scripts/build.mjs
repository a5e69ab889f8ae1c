// `npm run build`: the renderer with Vite (vite.config.ts → dist/renderer); the Electron main, preload and
// export worker with esbuild (→ dist/electron/*.cjs); the `rounds` command (scripts/build-cli.mjs →
// dist/cli). Browser mode runs host/ from source through tsx.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildCli } from './build-cli.mjs';
import { ROOT } from './electron-runtime.mjs';

export const DIST = path.join(ROOT, 'dist');
export const BUILD_OUTPUTS = [
  path.join(DIST, 'renderer', 'index.html'),
  path.join(DIST, 'electron', 'main.cjs'),
  path.join(DIST, 'electron', 'preload.cjs'),
  path.join(DIST, 'electron', 'exportWorker.cjs'),
];

export function buildRenderer() {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

export async function buildElectron(outDir = path.join(DIST, 'electron')) {
  const common = { bundle: true, format: 'cjs', sourcemap: 'linked', logLevel: 'warning', external: ['electron'] };
  const nodeBundle = {
    ...common,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3-multiple-ciphers', '@napi-rs/keyring'],
    // db/connection.ts finds its migrations (and db/jobs its worker) relative to import.meta.url, which
    // CommonJS lacks: give it the bundle's own URL and put the migrations and the worker beside it.
    define: { 'import.meta.url': '__roundsBundleUrl' },
    banner: { js: "const __roundsBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({ ...nodeBundle, entryPoints: [path.join(ROOT, 'electron', 'main.ts')], outfile: path.join(outDir, 'main.cjs') });
  // Exports run in a worker thread, which loads a file of its own (see db/jobs/workerLaunch.ts).
  await build({ ...nodeBundle, entryPoints: [path.join(ROOT, 'db', 'jobs', 'exportWorker.ts')], outfile: path.join(outDir, 'exportWorker.cjs') });
  fs.cpSync(path.join(ROOT, 'db', 'migrations'), path.join(outDir, 'migrations'), { recursive: true });
  // The sandboxed preload can require only 'electron': everything else is bundled in.
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'electron', 'preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome130',
    minify: true, // the contract's schemas come along (for API_METHODS); keep the sandbox's load small
  });
}

export async function buildAll() {
  buildRenderer();
  await buildElectron();
  await buildCli();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'build.mjs')) {
  buildAll().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
