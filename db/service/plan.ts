/**
 * "Plan my week": proposes visits for the accounts falling due in this week or next, inside the rep's
 * working hours and from now on (core/agenda/weekPlan.ts), and plans the accepted ones.
 */
import type { ApiHandlers } from '../../core/api/contract.js';
import { mondayOf, proposeWeekPlan, revisitKey, type WeekPlanBusy, type WeekPlanCandidate } from '../../core/agenda/index.js';
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { cadenceState, isServed } from '../../core/cadence/index.js';
import type { Visit } from '../../core/model/schemas.js';
import { DEFAULT_WORKING_HOURS } from '../../core/model/workingHours.js';
import { getAccount } from '../repo/accounts.js';
import { insertVisit } from '../repo/visits.js';
import { agendaData } from './agenda.js';
import { cadencePolicyOf } from './agendaSettings.js';
import { invalidReference, toUtc, type ServiceContext } from './context.js';
import { currentSettings } from './settings.js';

type PlanHandlers = Pick<ApiHandlers, 'plan.proposeWeek' | 'plan.acceptWeek'>;

/**
 * The district of a Chinese street address, if one can be read: the first 区 / 县 / 旗 after an
 * optional province and city (上海市浦东新区世纪大道100号 → 浦东新区). Null for anything else.
 */
export function districtOfAddress(address: string | null): string | null {
  if (!address) return null;
  const match = /^(?:[^省市区县]{2,7}省)?(?:[^省市区县]{2,7}市)?([^省市区县]{1,8}?(?:区|县|旗))/u.exec(address.trim());
  return match?.[1] ?? null;
}

export function planHandlers(context: ServiceContext): PlanHandlers {
  const { db } = context;
  return {
    'plan.proposeWeek': ({ week }) => {
      const settings = currentSettings(context);
      const data = agendaData(context, settings);
      const policy = cadencePolicyOf(settings);
      // Wall-clock times in the runtime's zone, as the agenda's days (context.today()).
      const now = context.now();
      const today = context.today();
      const firstDay = week === 'next' ? addDays(mondayOf(today), 7) : today;
      const byId = new Map(data.accounts.map((account) => [account.id, account]));
      const plannedDayOf = new Map<string, CalendarDay>();
      const planned: WeekPlanBusy[] = [];
      for (const visit of data.plannedVisits) {
        if (visit.plannedDay < today) continue;
        const first = plannedDayOf.get(visit.accountId);
        if (first === undefined || visit.plannedDay < first) plannedDayOf.set(visit.accountId, visit.plannedDay);
        const at = new Date(visit.plannedAt);
        const account = byId.get(visit.accountId);
        planned.push({ day: visit.plannedDay, minute: at.getHours() * 60 + at.getMinutes(), city: account?.city?.trim() || null, accountName: account?.name });
      }
      const snoozedUntil = new Map(data.snoozes.filter((snooze) => snooze.untilDay > today).map((snooze) => [snooze.key, snooze.untilDay]));
      const accounts = data.accounts
        .filter((account) => isServed(account.status))
        .map((account): WeekPlanCandidate => {
          const cadence = cadenceState(account, account.lastCountedContactDay, firstDay, policy);
          return {
            accountId: account.id,
            accountName: account.name,
            tier: account.tier,
            city: account.city,
            district: districtOfAddress(account.address),
            cadence,
            plannedDay: plannedDayOf.get(account.id) ?? null,
            snoozedUntil: snoozedUntil.get(revisitKey(account.id, cadence.dueDay)) ?? null,
          };
        });
      return proposeWeekPlan({
        now: { day: today, minute: now.getHours() * 60 + now.getMinutes() },
        week,
        hours: settings.workingHours ?? DEFAULT_WORKING_HOURS,
        accounts,
        planned,
      });
    },
    'plan.acceptWeek': ({ visits }) =>
      db.transaction(() => {
        const now = context.stamp();
        return visits.map((visit, index): Visit => {
          if (!getAccount(db, visit.accountId)) throw invalidReference(['visits', index, 'accountId']);
          return insertVisit(
            db,
            {
              accountId: visit.accountId,
              kind: 'routine',
              status: 'planned',
              plannedAt: toUtc(visit.plannedAt),
              doneAt: null,
              cancelledAt: null,
              purpose: null,
              metContactIds: [],
              outcome: null,
              nextStep: null,
              nextVisitDate: null,
            },
            now,
          );
        });
      })(),
  };
}
