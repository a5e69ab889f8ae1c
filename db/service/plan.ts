/** "Plan my week": proposes due and overdue accounts by tier priority grouped by area, and plans the accepted ones. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { proposeWeekPlan, type WeekPlanCandidate } from '../../core/agenda/index.js';
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { cadenceState, isServed } from '../../core/cadence/index.js';
import type { Visit } from '../../core/model/schemas.js';
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
    'plan.proposeWeek': ({ weekStart, perDay, days }) => {
      const settings = currentSettings(context);
      const data = agendaData(context, settings);
      const policy = cadencePolicyOf(settings);
      const weekEnd = addDays(weekStart, days - 1);
      const alreadyPlanned: Partial<Record<CalendarDay, number>> = {};
      const plannedFromWeekStart = new Set<string>();
      for (const visit of data.plannedVisits) {
        if (visit.plannedDay < weekStart) continue;
        plannedFromWeekStart.add(visit.accountId);
        if (visit.plannedDay <= weekEnd) alreadyPlanned[visit.plannedDay] = (alreadyPlanned[visit.plannedDay] ?? 0) + 1;
      }
      const candidates = data.accounts
        .filter((account) => isServed(account.status) && !plannedFromWeekStart.has(account.id))
        .map(
          (account): WeekPlanCandidate => ({
            accountId: account.id,
            accountName: account.name,
            tier: account.tier,
            city: account.city,
            district: districtOfAddress(account.address),
            cadence: cadenceState(account, account.lastCountedContactDay, weekStart, policy),
          }),
        );
      return proposeWeekPlan(candidates, weekStart, perDay, { days, alreadyPlanned });
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
