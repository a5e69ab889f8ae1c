import { ServerError } from '../../server/errors.js';
import { UsageError, type Command } from '../command.js';
import { openAdmin, refusal, serverText } from '../serverStore.js';

export const shareCommand: Command = {
  name: 'share',
  summary: 'share an account with another rep of its team, on the sync server (共享客户)',
  usage: 'share add ACCOUNT USERNAME | share remove ACCOUNT USERNAME | share list',
  optionHelp: [
    '  ACCOUNT                an account id, or its exact name within the user’s team',
    '  --database-url URL     PostgreSQL server (default: $DATABASE_URL, else PGlite in <data dir>/sync-server;',
    '                         while `rounds serve` runs on that folder, the command goes through it)',
  ],
  options: { 'database-url': { type: 'string' } },
  takesArgs: true,
  async run(context) {
    const { args, io } = context;
    const t = serverText(io.env);
    const [action, account, username] = args;
    if (action === 'list' ? args.length !== 1 : !(action === 'add' || action === 'remove') || args.length !== 3) throw new UsageError(t('share.usage'));
    const session = await openAdmin(context, t);
    try {
      if (action === 'list') {
        const shares = await session.admin.listShares();
        if (shares.length === 0) return io.stdout(`${t('share.noShares')}\n`);
        for (const share of shares) io.stdout(`${share.accountName}  ${share.accountId}  ${share.username}\n`);
      } else if (action === 'add') {
        const share = await session.admin.shareAccount({ account: account!, username: username! });
        io.stdout(`${t('share.shared', { account: share.accountName, username: share.username })}\n`);
      } else {
        const share = await session.admin.unshareAccount({ account: account!, username: username! });
        io.stdout(`${t('share.unshared', { account: share.accountName, username: share.username })}\n`);
      }
    } catch (error) {
      if (error instanceof ServerError) throw refusal(error, username ?? '', t);
      throw error;
    } finally {
      await session.close();
    }
  },
};
