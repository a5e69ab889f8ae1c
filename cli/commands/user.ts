import { format } from 'date-fns';
import { USER_ROLES, type UserRole } from '../../core/sync/protocol.js';
import { revokeDevice, type DeviceListing } from '../../server/auth/sessions.js';
import { readPassword, storeLocation } from '../../server/cliSupport.js';
import { ServerError } from '../../server/errors.js';
import { openStore } from '../../server/store/open.js';
import type { SqlClient } from '../../server/store/sqlClient.js';
import { addUser, disableUser, listUserDevices, listUsers, resetPassword } from '../../server/users.js';
import { CommandError, UsageError, type Command, type CommandContext } from '../command.js';

const MIN_PASSWORD_LENGTH = 8;

const text = {
  added: (username: string, role: string, team: string) => `Added ${role} ${username} to team ${team} (已添加用户).`,
  exists: (username: string) => `A user named ${username} already exists (用户已存在).`,
  noSuchUser: (username: string) => `No user named ${username} (找不到用户).`,
  disabled: (username: string) => `Disabled ${username} and signed out all their devices (已停用).`,
  passwordReset: (username: string) => `New password set for ${username}; their devices must sign in again (密码已重置).`,
  shortPassword: `The password must have at least ${MIN_PASSWORD_LENGTH} characters (密码太短).`,
  noUsers: 'No users yet. Add one with `rounds user add`.',
  noSuchDevice: (deviceId: string) => `No device with id ${deviceId} (找不到设备). See \`rounds user devices USERNAME\`.`,
  noDevices: (username: string) => `${username} has not signed in on any device (没有设备).`,
  deviceHeader: ['id', 'name 名称', 'created 创建', 'last seen 最近使用', 'revoked 已撤销'],
  revoked: (deviceId: string) => `Revoked device ${deviceId}: it must sign in again (设备已撤销).`,
};

const ACTIONS = ['add', 'list', 'disable', 'reset-password', 'devices', 'revoke-device'] as const;
type Action = (typeof ACTIONS)[number];

/** The one word after the action: a USERNAME, or the DEVICE_ID of revoke-device. */
function oneArgument(args: string[], action: Action): string {
  const name = action === 'revoke-device' ? 'DEVICE_ID' : 'USERNAME';
  if (args.length !== 2) throw new UsageError(`user ${action} takes exactly one ${name}.`);
  return args[1]!;
}

async function newPassword(context: CommandContext): Promise<string> {
  const password = await readPassword({ fromStdin: context.values['password-stdin'] === true, env: context.io.env, prompt: (prompt) => context.io.stderr(prompt) });
  if (password.length < MIN_PASSWORD_LENGTH) throw new CommandError(text.shortPassword);
  return password;
}

async function addFromArgs(store: SqlClient, context: CommandContext): Promise<void> {
  const { values, args, io } = context;
  const username = oneArgument(args, 'add');
  const role = values.role;
  if (typeof role !== 'string' || !USER_ROLES.includes(role as UserRole)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}.`);
  if (typeof values.team !== 'string' || values.team.trim() === '') throw new UsageError('--team NAME is required.');
  const team = values.team.trim();
  const displayName = typeof values.name === 'string' ? values.name : undefined;
  await addUser(store, { username, role: role as UserRole, teamName: team, password: await newPassword(context), ...(displayName ? { displayName } : {}) });
  io.stdout(`${text.added(username, role, team)}\n`);
}

async function listAll(store: SqlClient, context: CommandContext): Promise<void> {
  const users = await listUsers(store);
  if (users.length === 0) return context.io.stdout(`${text.noUsers}\n`);
  const width = Math.max(...users.map((u) => u.username.length));
  for (const user of users) {
    context.io.stdout(`${user.username.padEnd(width)}  ${user.role.padEnd(5)}  ${user.teamName}${user.disabled ? '  (disabled 已停用)' : ''}\n`);
  }
}

/** Server-local time, to the minute: when did this laptop last sync, was it revoked. */
const instant = (iso: string): string => format(new Date(iso), 'yyyy-MM-dd HH:mm');

function printDevices(devices: DeviceListing[], username: string, context: CommandContext): void {
  if (devices.length === 0) return context.io.stdout(`${text.noDevices(username)}\n`);
  const rows = devices.map((d) => [d.id, d.name, instant(d.createdAt), instant(d.lastSeenAt), d.revokedAt ? instant(d.revokedAt) : '-']);
  const table = [text.deviceHeader, ...rows];
  const widths = text.deviceHeader.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) context.io.stdout(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
}

function failure(error: ServerError, argument: string): CommandError {
  if (error.message === 'sync.server.userExists') return new CommandError(text.exists(argument));
  if (error.message === 'sync.server.noSuchDevice') return new CommandError(text.noSuchDevice(argument));
  return new CommandError(text.noSuchUser(argument));
}

async function runAction(action: Action, argument: string, store: SqlClient, context: CommandContext): Promise<void> {
  switch (action) {
    case 'add':
      return addFromArgs(store, context);
    case 'list':
      return listAll(store, context);
    case 'disable':
      await disableUser(store, argument);
      return context.io.stdout(`${text.disabled(argument)}\n`);
    case 'reset-password':
      await resetPassword(store, argument, await newPassword(context));
      return context.io.stdout(`${text.passwordReset(argument)}\n`);
    case 'devices':
      return printDevices(await listUserDevices(store, argument), argument, context);
    case 'revoke-device':
      await revokeDevice(store, argument);
      return context.io.stdout(`${text.revoked(argument)}\n`);
  }
}

export const userCommand: Command = {
  name: 'user',
  summary: 'manage the sync server’s users and teams (用户管理)',
  usage:
    'user add --role rep|lead|admin --team NAME USERNAME [--password-stdin] | user list | user disable USERNAME | user reset-password USERNAME' +
    ' | user devices USERNAME | user revoke-device DEVICE_ID',
  optionHelp: [
    '  --role rep|lead|admin  the new user’s role (add)',
    '  --team NAME            the new user’s team, created on first use (add)',
    '  --name TEXT            display name (add; default: the username)',
    '  --password-stdin       read the password from the first line of stdin (else ROUNDS_PASSWORD, else a prompt)',
    '  --database-url URL     PostgreSQL server (default: $DATABASE_URL, else PGlite in <data dir>/sync-server)',
  ],
  options: {
    role: { type: 'string' },
    team: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'database-url': { type: 'string' },
  },
  takesArgs: true,
  async run(context) {
    const action = ACTIONS.find((known) => known === context.args[0]);
    if (!action) throw new UsageError(`user needs one of: ${ACTIONS.join(', ')}.`);
    if (action === 'list' && context.args.length !== 1) throw new UsageError('user list takes no USERNAME.');
    const argument = action === 'list' ? '' : oneArgument(context.args, action);
    const store = await openStore(storeLocation({ databaseUrl: context.values['database-url'] as string | undefined, dataDir: context.dataDir, env: context.io.env }));
    try {
      await runAction(action, argument, store, context);
    } catch (error) {
      if (error instanceof ServerError) throw failure(error, argument);
      throw error;
    } finally {
      await store.close();
    }
  },
};
