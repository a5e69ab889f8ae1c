/** `rounds login`: the app's own sign-in (`sync.signIn`) on the data folder, the password from a prompt or stdin. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../core/api/errors.js';
import { readPassword } from '../../server/cliSupport.js';
import { CommandError, UsageError, type CommandContext } from '../command.js';
import { cliText } from '../text.js';
import { callSyncService, syncText } from './sync.js';

/**
 * A refused sign-in, as the app shows it on the form: each field's message (`sync:errors.*`, or the
 * common validation words for a field left empty or too long).
 */
function refusal(error: ApiError, t: TFunction): CommandError {
  const messages = (error.issues ?? []).map((issue) => t(issue.message.includes(':') ? issue.message : `common:${issue.message}`, { ...error.params, ...issue.params }));
  return new CommandError(messages.join(' '));
}

export async function run({ values, dataDir, io }: CommandContext) {
  const server = typeof values.server === 'string' ? values.server.trim() : '';
  const user = typeof values.user === 'string' ? values.user.trim() : '';
  const t = cliText(io.env);
  if (server === '') throw new UsageError(t('sync.serverRequired'));
  if (user === '') throw new UsageError(t('sync.userRequired'));
  const password = await readPassword({ fromStdin: values['password-stdin'] === true, env: io.env, prompt: () => io.stderr(t('user.passwordPrompt')), newline: () => io.stderr('\n') });
  let status;
  try {
    status = await callSyncService(dataDir, io, 'sync.signIn', { serverUrl: server, username: user, password }, { create: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'validation' && (error.issues?.length ?? 0) > 0) throw refusal(error, t);
    throw error;
  }
  io.stdout(`${syncText(t).signedIn(status.user?.username ?? user, status.user?.teamName ?? '', status.serverUrl ?? server)}\n`);
}
