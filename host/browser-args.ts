import { parseArgs } from 'node:util';

/** The command line of browser mode (`npm start` passes its own arguments through). */
export interface BrowserModeArgs {
  dataDir: string | undefined;
  port: number;
  open: boolean;
}

export function parseBrowserArgs(argv: string[]): BrowserModeArgs {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);
  return { dataDir: values['data-dir'], port, open: !values['no-open'] };
}
