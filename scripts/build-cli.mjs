// `npm run build:cli` (also in `npm run build` and after `npm install`): the `rounds` command bundled
// with esbuild into dist/cli, so it starts without compiling TypeScript. ES modules with code
// splitting: each command's module is a chunk of its own, loaded when that command runs
// (cli/commands/index.ts), so `rounds --help` loads almost nothing. Packages stay in node_modules
// (native drivers, PGlite's WASM, pdfkit's font metrics, fastify are loaded from there as usual).
// cli/bin/rounds.mjs runs the build only while it is current (cli/bin/build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_BUILD_DIR, ENTRY_POINTS, INPUTS_FILE, ROOT, fileStamp } from '../cli/bin/build.mjs';

/**
 * Bundled modules find their files where they are in the source tree: each module's `import.meta.url`
 * becomes its source file's URL (relative to the chunk, so the checkout may move). The SQLite and
 * server migrations, package.json (`--version`), the fonts package and the export worker (started
 * through tsx, db/jobs/workerLaunch.ts; no command starts export jobs, `rounds export` runs in-process)
 * are the ones `npm run rounds` uses.
 */
function sourceUrls(outDir) {
  return {
    name: 'source-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const url = path.relative(outDir, args.path).split(path.sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(url)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

async function bundle(outDir, finalDir) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls(finalDir)],
  });
  return Object.keys(result.metafile.inputs);
}

/** Builds into a scratch folder beside `outDir`, then puts it in place. */
export async function buildCli(outDir = CLI_BUILD_DIR) {
  const staging = `${outDir}.${process.pid}.tmp`;
  const replaced = `${outDir}.${process.pid}.old`;
  fs.rmSync(staging, { recursive: true, force: true });
  let inputs;
  // A source saved while esbuild read the sources would be listed as built: build again then.
  for (let attempt = 0; ; attempt += 1) {
    const started = Date.now();
    const files = await bundle(staging, outDir);
    inputs = Object.fromEntries(files.map((file) => [file, fileStamp(file)]));
    if (Object.values(inputs).every((stamp) => stamp !== null && stamp[0] < started)) break;
    if (attempt === 2) throw new Error('the sources kept changing while the CLI was built');
  }
  fs.writeFileSync(path.join(staging, INPUTS_FILE), JSON.stringify(inputs));
  if (fs.existsSync(outDir)) fs.renameSync(outDir, replaced);
  fs.renameSync(staging, outDir);
  fs.rmSync(replaced, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'build-cli.mjs')) {
  buildCli().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
