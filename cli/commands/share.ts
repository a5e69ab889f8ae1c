import { ServerError } from '../../server/errors.js';
import { UsageError, type CommandContext } from '../command.js';
import { openAdmin, refusal, serverText } from '../serverStore.js';

export async function run(context: CommandContext) {
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
}
