import fs from 'node:fs';
import tls from 'node:tls';
import { storeLocation } from '../../server/cliSupport.js';
import type { TlsCredentials } from '../../server/http/app.js';
import { startSyncServer } from '../../server/run.js';
import { DEFAULT_TOMBSTONE_DAYS } from '../../server/sync/purge.js';
import { CommandError, UsageError, type Command, type OptionValues } from '../command.js';

function portOf(value: string | boolean | undefined): number {
  const port = value === undefined ? 8787 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got "${String(value)}").`);
  return port;
}

function tombstoneDays(value: string | undefined): number {
  const days = value === undefined ? DEFAULT_TOMBSTONE_DAYS : Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new UsageError(`ROUNDS_TOMBSTONE_DAYS must be a positive number of days (got "${value}").`);
  return days;
}

function readPem(file: string, what: 'certificate' | 'key'): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const label = what === 'certificate' ? 'TLS certificate (证书)' : 'TLS private key (私钥)';
    throw new CommandError(`Cannot read the ${label} ${file}: ${(error as Error).message}`);
  }
}

/** `--tls-cert` and `--tls-key` together (HTTPS), or neither (plain HTTP, e.g. behind a TLS-terminating proxy). */
function tlsOf(values: OptionValues): TlsCredentials | undefined {
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (typeof certFile !== 'string' || typeof keyFile !== 'string') throw new UsageError('--tls-cert FILE and --tls-key FILE go together: give both for HTTPS, or neither.');
  const credentials = { cert: readPem(certFile, 'certificate'), key: readPem(keyFile, 'key') };
  try {
    // Checked here so that a wrong file is named plainly instead of failing deep inside the server's start.
    tls.createSecureContext(credentials);
  } catch (error) {
    throw new CommandError(`${certFile} and ${keyFile} are not a PEM certificate and its private key (证书或私钥无效): ${(error as Error).message}`);
  }
  return credentials;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the team sync server (同步服务器) until stopped',
  usage: 'serve [--port 8787] [--host 127.0.0.1] [--database-url URL | --data-dir DIR] [--tls-cert FILE --tls-key FILE]',
  optionHelp: [
    '  --port N            port to listen on (0 picks a free one; default 8787)',
    '  --host ADDRESS      address to listen on (default 127.0.0.1)',
    '  --database-url URL  PostgreSQL server (default: $DATABASE_URL, else embedded PGlite in <data dir>/sync-server)',
    '  --tls-cert FILE     serve HTTPS with this PEM certificate (chain: server certificate first); needs --tls-key',
    '  --tls-key FILE      the certificate’s PEM private key; needs --tls-cert',
    '  environment: ROUNDS_TOKEN_SECRET (shared token secret, default kept in the database), ROUNDS_TOMBSTONE_DAYS (default 90)',
  ],
  options: { port: { type: 'string' }, host: { type: 'string' }, 'database-url': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' } },
  async run({ values, dataDir, io }) {
    const port = portOf(values.port);
    const tlsCredentials = tlsOf(values);
    const location = storeLocation({ databaseUrl: values['database-url'] as string | undefined, dataDir, env: io.env });
    const server = await startSyncServer({
      location,
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      port,
      logger: { level: io.env.ROUNDS_LOG_LEVEL ?? 'info' },
      tokenSecret: io.env.ROUNDS_TOKEN_SECRET,
      tombstoneDays: tombstoneDays(io.env.ROUNDS_TOMBSTONE_DAYS),
      tls: tlsCredentials,
    });
    io.stdout(`Rounds sync server listening on ${server.url} (${'databaseUrl' in location ? 'PostgreSQL' : `PGlite in ${'dataDir' in location ? location.dataDir : 'memory'}`})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
