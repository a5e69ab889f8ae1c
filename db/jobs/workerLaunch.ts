/**
 * How to start the export worker from wherever this module runs. From source (tsx, vitest) the worker
 * is TypeScript, which a worker thread cannot load by itself: `tsWorker.mjs` registers tsx, then
 * imports it. In the Electron bundle this module is part of `main.cjs` and the worker was bundled
 * beside it as `exportWorker.cjs` (scripts/build.mjs), which a worker thread loads directly.
 */
export const BUNDLED_EXPORT_WORKER = 'exportWorker.cjs';

export interface WorkerLaunch {
  /** the file the Worker is started on */
  file: URL;
  /** the TypeScript module the tsx bootstrap imports; null when `file` is the worker itself */
  entry: string | null;
}

/** `moduleUrl` is the `import.meta.url` of the code starting the worker (the bundle's URL once bundled). */
export function exportWorkerLaunch(moduleUrl: string): WorkerLaunch {
  if (new URL(moduleUrl).pathname.endsWith('.ts')) {
    return { file: new URL('./tsWorker.mjs', moduleUrl), entry: new URL('./exportWorker.ts', moduleUrl).href };
  }
  return { file: new URL(`./${BUNDLED_EXPORT_WORKER}`, moduleUrl), entry: null };
}
