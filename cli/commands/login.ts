import { readPassword } from '../../server/cliSupport.js';
import { UsageError, type CommandContext } from '../command.js';
import { cliText } from '../text.js';
import { syncText, withSyncController } from './sync.js';

export async function run({ values, dataDir, io }: CommandContext) {
  const server = typeof values.server === 'string' ? values.server.trim() : '';
  const user = typeof values.user === 'string' ? values.user.trim() : '';
  const t = cliText(io.env);
  if (server === '') throw new UsageError(t('sync.serverRequired'));
  if (user === '') throw new UsageError(t('sync.userRequired'));
  const password = await readPassword({ fromStdin: values['password-stdin'] === true, env: io.env, prompt: () => io.stderr(t('user.passwordPrompt')), newline: () => io.stderr('\n') });
  const status = await withSyncController(dataDir, (controller) => controller.signIn({ serverUrl: server, username: user, password }), { create: true, env: io.env });
  io.stdout(`${syncText(t).signedIn(status.user?.username ?? user, status.user?.teamName ?? '', status.serverUrl ?? server)}\n`);
}
