import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/day.js';
import { agendaForRange, buildAgenda } from './build.js';
import type { AgendaAccount, AgendaContact, AgendaDate, AgendaInput } from './types.js';

/** 2,000 accounts with 10 dates each (a third lunar), 3 contacts each, a visit history spread over a year. */
function largeBook(): AgendaInput {
  const tiers = ['A', 'B', 'C'] as const;
  const accounts: AgendaAccount[] = [];
  const contacts: AgendaContact[] = [];
  const dates: AgendaDate[] = [];
  for (let a = 0; a < 2000; a++) {
    const accountId = `acc-${a}`;
    const lastDay = addDays('2026-03-10', -((a * 37) % 365));
    accounts.push({ id: accountId, name: `Account ${a}`, tier: tiers[a % 3]!, status: 'active', cadenceDays: null, lastCountedContactDay: lastDay, lastActivityDay: lastDay });
    for (let c = 0; c < 3; c++) contacts.push({ id: `con-${a}-${c}`, accountId, name: `Contact ${a}-${c}`, isKey: c === 0 });
    for (let d = 0; d < 10; d++) {
      const n = a * 10 + d;
      dates.push({
        id: `date-${n}`, accountId, contactId: `con-${a}-${d % 3}`, familyMemberId: null, kind: 'birthday', label: null, leadDays: null,
        calendar: n % 3 === 0 ? 'lunar' : 'gregorian', month: (n % 12) + 1, day: (n % 28) + 1, isLeapMonth: false, year: 1960 + (n % 40),
      });
    }
  }
  return { accounts, contacts, dates, plannedVisits: [], complaints: [], snoozes: [], greetings: [] };
}

function medianMs(run: () => unknown, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((x, y) => x - y)[Math.floor(times / 2)]!;
}

/**
 * Wall-clock bounds on a shared CI box can only be loose: these catch a rule that turns quadratic (which
 * costs seconds here), not a few milliseconds. About 4 ms for one day on an idle 2-core machine; the
 * budgets themselves are checked by `npm run bench`.
 */
describe('agenda speed', () => {
  const book = largeBook();
  const settings = { now: new Date('2026-03-10T01:00:00Z') };

  it('builds one day over 2,000 accounts and 20,000 dates in a few milliseconds (warm)', () => {
    buildAgenda(book, '2026-03-10', settings); // warm the lunar tables
    const ms = medianMs(() => buildAgenda(book, '2026-03-10', settings), 9);
    expect(buildAgenda(book, '2026-03-10', settings).length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(150);
  });

  it('builds a week well within budget', () => {
    const ms = medianMs(() => agendaForRange(book, '2026-03-10', 7, settings), 3);
    expect(ms).toBeLessThan(600);
  });
});
