/**
 * Child process for the unclean-close test (db/connection.test.ts): opens a database with its key,
 * writes a row, says `open` and waits for the parent to kill it (kill -9: no close).
 */
import { openDatabase } from '../openDatabase.js';

const [file, keyHex] = process.argv.slice(2);
const db = openDatabase(file!, { key: Buffer.from(keyHex!, 'hex') });
db.prepare("INSERT INTO settings(key, value) VALUES ('crash', 'written before the kill')").run();
process.stdout.write('open\n');
setInterval(() => undefined, 60_000);
