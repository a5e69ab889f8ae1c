import { storeLocation } from '../../server/cliSupport.js';
import { ServerError } from '../../server/errors.js';
import { listShares, shareAccount, unshareAccount } from '../../server/shares.js';
import { openStore } from '../../server/store/open.js';
import { CommandError, UsageError, type Command } from '../command.js';

const text = {
  shared: (account: string, username: string) => `Shared ${account} with ${username}; it reaches them with their next sync (已共享).`,
  unshared: (account: string, username: string) => `${username} no longer shares ${account} (已取消共享).`,
  noShares: 'No shared accounts (没有共享的客户).',
  errors: {
    'sync.server.noSuchUser': 'No such user (找不到用户).',
    'sync.server.noSuchAccount': 'No such account on the server; give its id or exact name (找不到客户).',
    'sync.server.ambiguousAccount': 'Several accounts have that name; give the id instead (客户重名，请用 ID):',
    'sync.server.otherTeam': 'That account belongs to another team (客户属于其他团队).',
    'sync.server.noSuchShare': 'That account is not shared with that user (未共享).',
  } as Record<string, string>,
};

export const shareCommand: Command = {
  name: 'share',
  summary: 'share an account with another rep of its team, on the sync server (共享客户)',
  usage: 'share add ACCOUNT USERNAME | share remove ACCOUNT USERNAME | share list',
  optionHelp: [
    '  ACCOUNT                an account id, or its exact name within the user’s team',
    '  --database-url URL     PostgreSQL server (default: $DATABASE_URL, else PGlite in <data dir>/sync-server)',
  ],
  options: { 'database-url': { type: 'string' } },
  takesArgs: true,
  async run({ args, values, dataDir, io }) {
    const [action, account, username] = args;
    if (action === 'list' ? args.length !== 1 : !(action === 'add' || action === 'remove') || args.length !== 3) {
      throw new UsageError('share needs: add ACCOUNT USERNAME, remove ACCOUNT USERNAME, or list.');
    }
    const store = await openStore(storeLocation({ databaseUrl: values['database-url'] as string | undefined, dataDir, env: io.env }));
    try {
      if (action === 'list') {
        const shares = await listShares(store);
        if (shares.length === 0) return io.stdout(`${text.noShares}\n`);
        for (const share of shares) io.stdout(`${share.accountName}  ${share.accountId}  ${share.username}\n`);
      } else if (action === 'add') {
        const share = await shareAccount(store, { account: account!, username: username! });
        io.stdout(`${text.shared(share.accountName, share.username)}\n`);
      } else {
        const share = await unshareAccount(store, { account: account!, username: username! });
        io.stdout(`${text.unshared(share.accountName, share.username)}\n`);
      }
    } catch (error) {
      if (error instanceof ServerError && text.errors[error.message]) {
        const ids = (error.issues ?? []).map((issue) => `\n  ${issue.message}`).join('');
        throw new CommandError(`${text.errors[error.message]}${ids}`);
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
