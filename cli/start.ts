/**
 * Where `rounds` starts: cli/bin/rounds.mjs imports the bundle of this file (dist/cli/rounds.mjs) or,
 * from source, this file itself; `npm run rounds` runs it through tsx.
 */
import { usePrivateFileModes } from '../host/privateFiles.js';

// Folders 0700, files 0600 for everything rounds (and `rounds serve`) creates, set before anything
// else is loaded.
usePrivateFileModes();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
