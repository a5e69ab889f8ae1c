/**
 * Browser mode: `node --import tsx host/browser-main.ts [--data-dir DIR] [--port N] [--no-open]`.
 * Prints one line with a URL (a one-time launch code in it), opens another unless --no-open, and on SIGINT/SIGTERM
 * closes the server and the database and releases the data-folder lock.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../db/paths.js';
import { startHost } from './bootstrap.js';
import { parseBrowserArgs } from './browser-args.js';
import { databaseKeys, nodeKeyVaults } from './databaseKey.js';
import { defaultLanguage } from './environment.js';
import { exportsDirIn } from '../db/jobs/exportJobs.js';
import { createHttpServer } from './http-server.js';
import { DataDirLockedError } from './lock.js';
import { usePrivateFileModes } from './privateFiles.js';
import { sqliteBackend } from './sqlite-backend.js';

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop browser here: the printed URL is enough
  child.unref();
}

function readVersion(): string {
  const manifest = fileURLToPath(new URL('../package.json', import.meta.url));
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const args = parseBrowserArgs(process.argv.slice(2));
  const dataDir = resolveDataDir({ flag: args.dataDir });
  const host = startHost({
    dataDir,
    host: 'browser',
    version: readVersion(),
    backend: sqliteBackend,
    keys: databaseKeys({ dataDir, vaults: nodeKeyVaults(dataDir), language: defaultLanguage() }),
  });
  const server = createHttpServer({
    call: host.call,
    rendererDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    port: args.port,
    exportsDir: exportsDirIn(dataDir),
  });
  // Each URL carries its own one-time launch code: the browser's command line (visible to every local
  // user in `ps`) holds one that is spent as soon as the page loads, and the printed one stays usable.
  const url = await server.listen();
  console.log(`Rounds is running at ${url}`);
  if (args.open) openInBrowser(server.launchUrl());

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  usePrivateFileModes();
  main().catch((error: unknown) => {
    console.error(error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  });
}
