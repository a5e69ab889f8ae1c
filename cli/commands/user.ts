import { format } from 'date-fns';
import type { TFunction } from 'i18next';
import { USER_ROLES, type UserRole } from '../../core/sync/protocol.js';
import type { ServerAdmin } from '../../server/admin.js';
import type { DeviceListing } from '../../server/auth/sessions.js';
import { readPassword } from '../../server/cliSupport.js';
import { ServerError } from '../../server/errors.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../server/users.js';
import { CommandError, UsageError, type CommandContext } from '../command.js';
import { openAdmin, refusal, serverText } from '../serverStore.js';

const ACTIONS = ['add', 'list', 'disable', 'reset-password', 'devices', 'revoke-device', 'restore-device'] as const;
type Action = (typeof ACTIONS)[number];

/** The one word after the action: a USERNAME, or the DEVICE_ID of revoke-device. */
function oneArgument(args: string[], action: Action, t: TFunction): string {
  const name = action === 'revoke-device' || action === 'restore-device' ? 'DEVICE_ID' : 'USERNAME';
  if (args.length !== 2) throw new UsageError(t('user.oneArgument', { action, name }));
  return args[1]!;
}

async function newPassword(context: CommandContext, t: TFunction): Promise<string> {
  const password = await readPassword({ fromStdin: context.values['password-stdin'] === true, env: context.io.env, prompt: () => context.io.stderr(t('user.passwordPrompt')), newline: () => context.io.stderr('\n') });
  const problem = passwordProblem(password);
  if (problem) throw new CommandError(t(`user.${problem}`, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }));
  return password;
}

interface NewUserOptions {
  role: UserRole;
  teamName: string;
  displayName?: string;
}

/** Everything `user add` needs from its options, checked before the store is opened. */
function newUserOptions({ values }: CommandContext, t: TFunction): NewUserOptions {
  const role = values.role;
  if (typeof role !== 'string' || !USER_ROLES.includes(role as UserRole)) throw new UsageError(t('user.badRole', { roles: USER_ROLES.join(', ') }));
  if (typeof values.team !== 'string' || values.team.trim() === '') throw new UsageError(t('user.teamRequired'));
  return { role: role as UserRole, teamName: values.team.trim(), ...(typeof values.name === 'string' ? { displayName: values.name } : {}) };
}

async function listAll(admin: ServerAdmin, context: CommandContext, t: TFunction): Promise<void> {
  const users = await admin.listUsers();
  if (users.length === 0) return context.io.stdout(`${t('user.noUsers')}\n`);
  const width = Math.max(...users.map((u) => u.username.length));
  for (const user of users) {
    context.io.stdout(`${user.username.padEnd(width)}  ${user.role.padEnd(5)}  ${user.teamName}${user.disabled ? `  ${t('user.disabledMark')}` : ''}\n`);
  }
}

/** Server-local time, to the minute: when did this laptop last sync, was it revoked. */
const instant = (iso: string): string => format(new Date(iso), 'yyyy-MM-dd HH:mm');

function printDevices(devices: DeviceListing[], username: string, context: CommandContext, t: TFunction): void {
  if (devices.length === 0) return context.io.stdout(`${t('user.noDevices', { username })}\n`);
  const header = (['id', 'name', 'created', 'lastSeen', 'revoked'] as const).map((column) => t(`user.deviceHeader.${column}`));
  const rows = devices.map((d) => [d.id, d.name, instant(d.createdAt), instant(d.lastSeenAt), d.revokedAt ? instant(d.revokedAt) : '-']);
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) context.io.stdout(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
}

/** `newUser`: the checked options of `add`. */
async function runAction(action: Action, argument: string, newUser: NewUserOptions | undefined, admin: ServerAdmin, context: CommandContext, t: TFunction): Promise<void> {
  switch (action) {
    case 'add': {
      const options = newUser ?? newUserOptions(context, t);
      await admin.addUser({ username: argument, ...options, password: await newPassword(context, t) });
      return context.io.stdout(`${t('user.added', { username: argument, role: options.role, team: options.teamName })}\n`);
    }
    case 'list':
      return listAll(admin, context, t);
    case 'disable':
      await admin.disableUser(argument);
      return context.io.stdout(`${t('user.disabled', { username: argument })}\n`);
    case 'reset-password':
      await admin.resetPassword(argument, await newPassword(context, t));
      return context.io.stdout(`${t('user.passwordReset', { username: argument })}\n`);
    case 'devices':
      return printDevices(await admin.listUserDevices(argument), argument, context, t);
    case 'revoke-device':
      await admin.revokeDevice(argument);
      return context.io.stdout(`${t('user.revoked', { deviceId: argument })}\n`);
    case 'restore-device':
      await admin.restoreDevice(argument);
      return context.io.stdout(`${t('user.restored', { deviceId: argument })}\n`);
  }
}

export async function run(context: CommandContext) {
  const t = serverText(context.io.env);
  const action = ACTIONS.find((known) => known === context.args[0]);
  if (!action) throw new UsageError(t('user.needsAction', { actions: ACTIONS.join(', ') }));
  if (action === 'list' && context.args.length !== 1) throw new UsageError(t('user.listTakesNothing'));
  const argument = action === 'list' ? '' : oneArgument(context.args, action, t);
  const newUser = action === 'add' ? newUserOptions(context, t) : undefined;
  const session = await openAdmin(context, t);
  try {
    await runAction(action, argument, newUser, session.admin, context, t);
  } catch (error) {
    if (error instanceof ServerError) throw refusal(error, argument, t);
    throw error;
  } finally {
    await session.close();
  }
}
