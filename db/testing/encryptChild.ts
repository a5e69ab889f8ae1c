/**
 * Child process for the kill -9 test of in-place encryption (db/encryption.test.ts): says `ready`, then
 * opens a plain database with a key, which encrypts it. The parent kills it at some point of that.
 */
import { openDatabase } from '../openDatabase.js';

const [file, keyHex] = process.argv.slice(2);
process.stdout.write('ready\n');
openDatabase(file!, { key: Buffer.from(keyHex!, 'hex') }).close();
process.stdout.write('done\n');
