/**
 * Keeps `accounts.status` in step with the lifecycle rule (core/cadence/lifecycle.ts): served accounts
 * past the lapse threshold become `lapsed`, a lapsed account with a new visit or order `won_back`.
 * Each change is an ordinary account update, so it reaches the outbox like any edit.
 */
import { diffDays, type CalendarDay } from '../../core/calendar/day.js';
import { statusAfterInactivity } from '../../core/cadence/index.js';
import type { AccountStatus } from '../../core/model/enums.js';
import { setAccountStatus } from '../repo/accountRecord.js';
import { accountActivity } from '../repo/agendaInput.js';
import type { ServiceContext } from './context.js';
import { currentSettings } from './settings.js';

export interface LifecycleAccount {
  id: string;
  status: AccountStatus;
  lastActivityDay: CalendarDay | null;
}

/** Applies every due status change in one transaction; returns the accounts whose status changed. */
export function refreshLifecycle(context: ServiceContext, accounts: readonly LifecycleAccount[], thresholdDays: number): LifecycleAccount[] {
  const today = context.today();
  const changed = accounts.flatMap((account) => {
    const daysInactive = account.lastActivityDay === null ? null : diffDays(today, account.lastActivityDay);
    const status = statusAfterInactivity(account.status, daysInactive, thresholdDays);
    return status === account.status ? [] : [{ ...account, status }];
  });
  if (changed.length > 0) {
    const now = context.stamp();
    context.db.transaction(() => {
      for (const account of changed) setAccountStatus(context.db, account.id, account.status, now);
    })();
  }
  return changed;
}

/** After a visit or an order: the one account's lifecycle (a lapsed account is won back). Call inside the writer's transaction. */
export function refreshAccountLifecycle(context: ServiceContext, accountId: string): void {
  const activity = accountActivity(context.db, accountId);
  if (!activity) return;
  refreshLifecycle(context, [{ id: accountId, ...activity }], currentSettings(context).reminders.lapseThresholdDays);
}
