/** Orders (or revenue per period): trailing-12-month revenue for tier suggestions, and activity that wins a lapsed account back. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { getAccount } from '../repo/accounts.js';
import { insertOrder, listOrdersOfAccount } from '../repo/orders.js';
import { invalidReference, type ServiceContext } from './context.js';
import { refreshAccountLifecycle } from './lifecycle.js';

type OrderHandlers = Pick<ApiHandlers, 'orders.record' | 'orders.list'>;

export function orderHandlers(context: ServiceContext): OrderHandlers {
  const { db, stamp } = context;
  return {
    'orders.record': (input) =>
      db.transaction(() => {
        if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
        const order = insertOrder(db, input, stamp());
        refreshAccountLifecycle(context, input.accountId);
        return order;
      })(),
    'orders.list': ({ accountId }) => listOrdersOfAccount(db, accountId),
  };
}
