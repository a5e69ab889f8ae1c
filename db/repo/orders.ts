/** Reader/writer functions for orders (or revenue figures per period). */
import { uuidv7 } from 'uuidv7';
import type { Order } from '../../core/model/reminders.js';
import type { Db } from '../connection.js';
import { insertSynced } from '../synced/localWrites.js';
import { fromRow, statement, type SqlRow, type TableSpec } from './table.js';

export const ORDERS: TableSpec = {
  table: 'orders',
  fields: { accountId: 'value', day: 'value', amount: 'value', reference: 'value' },
};

type StoredOrder = Order & { updatedAt: string; deletedAt: string | null };

function orderOf({ updatedAt: _updatedAt, deletedAt: _deletedAt, ...order }: StoredOrder): Order {
  return order;
}

export function insertOrder(db: Db, values: Pick<Order, 'accountId' | 'day' | 'amount' | 'reference'>, now: string): Order {
  return orderOf(insertSynced<StoredOrder>(db, ORDERS, uuidv7(), values, now));
}

/** An account's orders, newest first. */
export function listOrdersOfAccount(db: Db, accountId: string): Order[] {
  const rows = statement(db, 'SELECT * FROM orders WHERE account_id = ? AND deleted_at IS NULL ORDER BY day DESC, id DESC').all(accountId) as SqlRow[];
  return rows.map((row) => orderOf(fromRow<StoredOrder>(ORDERS, row)));
}

/** Revenue per account from orders on or after `fromDay` (accounts without such orders are absent). */
export function revenueSince(db: Db, fromDay: string): Map<string, number> {
  const sql = 'SELECT account_id, sum(amount) AS revenue FROM orders WHERE deleted_at IS NULL AND day >= ? GROUP BY account_id';
  const rows = statement(db, sql).all(fromDay) as Array<{ account_id: string; revenue: number }>;
  return new Map(rows.map((row) => [row.account_id, row.revenue]));
}
