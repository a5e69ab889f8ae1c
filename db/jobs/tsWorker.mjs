// Starts a TypeScript worker module: on Node 20 a worker thread does not inherit the parent's tsx
// loader (nor does `--import tsx` in a worker's execArgv take effect), so the worker registers it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
