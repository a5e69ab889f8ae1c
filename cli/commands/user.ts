import { USER_ROLES, type UserRole } from '../../core/sync/protocol.js';
import { readPassword, storeLocation } from '../../server/cliSupport.js';
import { ServerError } from '../../server/errors.js';
import { openStore } from '../../server/store/open.js';
import type { SqlClient } from '../../server/store/sqlClient.js';
import { addUser, disableUser, listUsers, resetPassword } from '../../server/users.js';
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
};

function oneUsername(args: string[], action: string): string {
  if (args.length !== 2) throw new UsageError(`user ${action} takes exactly one USERNAME.`);
  return args[1]!;
}

async function newPassword(context: CommandContext): Promise<string> {
  const password = await readPassword({ fromStdin: context.values['password-stdin'] === true, env: context.io.env, prompt: (prompt) => context.io.stderr(prompt) });
  if (password.length < MIN_PASSWORD_LENGTH) throw new CommandError(text.shortPassword);
  return password;
}

async function addFromArgs(store: SqlClient, context: CommandContext): Promise<void> {
  const { values, args, io } = context;
  const username = oneUsername(args, 'add');
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

export const userCommand: Command = {
  name: 'user',
  summary: 'manage the sync server’s users and teams (用户管理)',
  usage: 'user add --role rep|lead|admin --team NAME USERNAME [--password-stdin] | user list | user disable USERNAME | user reset-password USERNAME',
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
    const action = context.args[0];
    if (!action || !['add', 'list', 'disable', 'reset-password'].includes(action)) throw new UsageError('user needs one of: add, list, disable, reset-password.');
    if (action === 'list' && context.args.length !== 1) throw new UsageError('user list takes no USERNAME.');
    const username = action === 'list' ? '' : oneUsername(context.args, action);
    const store = await openStore(storeLocation({ databaseUrl: context.values['database-url'] as string | undefined, dataDir: context.dataDir, env: context.io.env }));
    try {
      if (action === 'add') await addFromArgs(store, context);
      else if (action === 'list') await listAll(store, context);
      else if (action === 'disable') {
        await disableUser(store, username);
        context.io.stdout(`${text.disabled(username)}\n`);
      } else {
        await resetPassword(store, username, await newPassword(context));
        context.io.stdout(`${text.passwordReset(username)}\n`);
      }
    } catch (error) {
      if (error instanceof ServerError) throw new CommandError(error.message === 'sync.server.userExists' ? text.exists(username) : text.noSuchUser(username));
      throw error;
    } finally {
      await store.close();
    }
  },
};
