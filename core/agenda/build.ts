/**
 * The Today agenda: one ranked list of what to do on a day, from plain data.
 *
 * Ranking, group by group: complaints past their first-response target (oldest breach first), other
 * complaints awaiting a first response (closest deadline first), replied complaints not yet resolved
 * (earliest follow-up first), the day's planned visits (by time),
 * overdue revisits (A before B before C, longest overdue first), due revisits (same order; accounts
 * never visited last in their tier), important dates within their lead time (soonest first,
 * milestones first), festivals within their lead time, win-back suggestions for lapsed accounts.
 *
 * A range (`agendaForRange`) lists each day's agenda as it will look that day. Occurrences, names
 * and cadence clocks are prepared once for the whole range; each day is then arithmetic and lookups.
 */
import { addDays, epochDayOf, type CalendarDay } from '../calendar/day.js';
import { FESTIVAL_IDS, type Festival } from '../calendar/festivals.js';
import { isMilestone } from '../calendar/occurrence.js';
import { cadenceClock, DEFAULT_CADENCE_POLICY, gapFor, isServed, statusAfterInactivity, type CadenceClock } from '../cadence/index.js';
import { complaintKey, dateKey, festivalKey, plannedVisitKey, revisitKey, winBackKey } from './keys.js';
import { lookupFor, type AgendaLookup } from './lookup.js';
import { dateOccurrences, festivalOccurrences, type DatedOccurrence, type DayBuckets } from './occurrences.js';
import type {
  AgendaAccount,
  AgendaAction,
  AgendaContact,
  AgendaDay,
  AgendaInput,
  AgendaItem,
  AgendaOptions,
  AgendaPlannedVisit,
  ComplaintItem,
  FestivalItem,
  ImportantDateItem,
  PlannedVisitItem,
  RevisitItem,
  WinBackItem,
} from './types.js';

export const DEFAULT_AGENDA_OPTIONS: Omit<AgendaOptions, 'now'> = {
  cadence: DEFAULT_CADENCE_POLICY,
  complaintTargetHours: 6,
  complaintFollowUpDays: 2,
  leadDaysByKind: {},
  defaultLeadDays: 3,
  // Christmas is for English-speaking contacts: the user adds it when they have some.
  festivalIds: FESTIVAL_IDS.filter((id) => id !== 'christmas'),
  festivalLeadDays: 3,
  festivalContactIds: null,
};

/** What the caller sets; everything but `now` has a default. */
export type AgendaSettings = Partial<Omit<AgendaOptions, 'now'>> & Pick<AgendaOptions, 'now'>;

const ACTIONS = {
  complaint: ['respond_complaint', 'open_account'],
  complaintReplied: ['resolve_complaint', 'respond_complaint', 'open_account'],
  plannedVisit: ['log_visit', 'open_account'],
  visitNeeded: ['plan_visit', 'log_visit', 'snooze', 'open_account'],
  greeting: ['mark_greeted', 'snooze', 'open_account'],
} as const satisfies Record<string, readonly AgendaAction[]>;

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

export function buildAgenda(input: AgendaInput, today: CalendarDay, settings: AgendaSettings): AgendaItem[] {
  return agendaForRange(input, today, 1, settings)[0]?.items ?? [];
}

/**
 * The agenda of each of `days` days from `from`. Complaints are measured against `settings.now` and
 * listed on the first day only: their deadlines are instants, not days.
 */
export function agendaForRange(input: AgendaInput, from: CalendarDay, days: number, settings: AgendaSettings): AgendaDay[] {
  const options: AgendaOptions = { ...DEFAULT_AGENDA_OPTIONS, ...settings };
  const to = addDays(from, Math.max(0, days - 1));
  const lookup = lookupFor(input);
  const accounts = prepareAccounts(input.accounts, input.plannedVisits, options);
  const dated = dateOccurrences(input.dates, from, to, options);
  const festivals = festivalOccurrences(from, to, options.festivalIds, options.festivalLeadDays);
  const festivalContacts = festivalRecipients(input.contacts, lookup, options.festivalContactIds);
  const visitsByDay = plannedVisitsByDay(input.plannedVisits);
  const complaints = complaintItems(input, from, lookup, options);

  const result: AgendaDay[] = [];
  for (let offset = 0; offset < days; offset++) {
    const day = addDays(from, offset);
    const epochDay = epochDayOf(day);
    const today = { day, epochDay };
    const { overdue, due, winBack, plannedAhead } = cadenceItems(accounts, today, lookup, options);
    result.push({
      day,
      plannedAhead,
      items: [
        ...(offset === 0 ? complaints : []),
        ...plannedVisitItems(visitsByDay.get(day) ?? [], today, lookup),
        ...overdue.sort(byTierThenMostOverdue),
        ...due.sort(byTierThenLongestDue),
        ...importantDateItems(dated.buckets, dated.maxLeadDays, today, lookup).sort(bySoonestMilestoneFirst),
        ...festivalItems(festivals, options.festivalLeadDays, festivalContacts, today, lookup).sort(bySoonestThenTier),
        ...winBack.sort(byTierThenRecentlyLapsed),
      ],
    });
  }
  return result;
}

interface Today {
  day: CalendarDay;
  epochDay: number;
}

// ---------- shared item fields ----------

function itemBase(account: AgendaAccount, contact: AgendaContact | undefined, occurrenceDay: CalendarDay, daysUntil: number, daysOverdue: number) {
  return {
    accountId: account.id,
    accountName: account.name,
    tier: account.tier,
    contactId: contact?.id ?? null,
    contactName: contact?.name ?? null,
    occurrenceDay,
    daysUntil,
    daysOverdue,
  };
}

// ---------- complaints ----------

function complaintItems(input: AgendaInput, today: CalendarDay, lookup: AgendaLookup, options: AgendaOptions): ComplaintItem[] {
  const nowMs = options.now.getTime();
  const items: Array<ComplaintItem & { sortMs: number }> = [];
  for (const complaint of input.complaints) {
    const account = lookup.account(complaint.accountId);
    if (!account || complaint.resolved) continue;
    const respondByMs = Date.parse(complaint.openedAt) + (complaint.targetHours ?? options.complaintTargetHours) * 60 * MS_PER_MINUTE;
    const minutesPastTarget = Math.floor((nowMs - respondByMs) / MS_PER_MINUTE);
    const common = {
      key: complaintKey(complaint.id),
      complaintId: complaint.id,
      severity: complaint.severity,
      openedAt: complaint.openedAt,
      respondBy: new Date(respondByMs).toISOString(),
      minutesPastTarget,
      respondedAt: complaint.firstRespondedAt,
    };
    const contact = lookup.contact(complaint.contactId);
    if (complaint.firstRespondedAt !== null) {
      // Replied is not resolved: it stays on Today, with when to follow it up next.
      const lastChange = Math.max(Date.parse(complaint.firstRespondedAt), Date.parse(complaint.updatedAt ?? complaint.firstRespondedAt));
      const followUpMs = lastChange + options.complaintFollowUpDays * MINUTES_PER_DAY * MS_PER_MINUTE;
      const daysLate = nowMs > followUpMs ? Math.floor((nowMs - followUpMs) / (MINUTES_PER_DAY * MS_PER_MINUTE)) : 0;
      items.push({
        kind: 'complaint_follow_up',
        ...itemBase(account, contact, today, 0, daysLate),
        actions: ACTIONS.complaintReplied,
        ...common,
        followUpBy: new Date(followUpMs).toISOString(),
        sortMs: followUpMs,
      });
      continue;
    }
    const breached = nowMs >= respondByMs;
    items.push({
      kind: breached ? 'complaint_breached' : 'complaint_open',
      ...itemBase(account, contact, today, 0, breached ? Math.floor(minutesPastTarget / MINUTES_PER_DAY) : 0),
      actions: ACTIONS.complaint,
      ...common,
      followUpBy: null,
      sortMs: respondByMs,
    });
  }
  // Breached, then waiting for a first reply, then replied and awaiting resolution; within each, the earliest deadline first.
  const rank = (item: ComplaintItem) => (item.kind === 'complaint_breached' ? 0 : item.kind === 'complaint_open' ? 1 : 2);
  items.sort((x, y) => rank(x) - rank(y) || x.sortMs - y.sortMs);
  return items.map(({ sortMs: _sortKey, ...item }) => item);
}

// ---------- planned visits ----------

function plannedVisitsByDay(visits: readonly AgendaPlannedVisit[]): Map<CalendarDay, AgendaPlannedVisit[]> {
  const byDay = new Map<CalendarDay, AgendaPlannedVisit[]>();
  for (const visit of visits) {
    const list = byDay.get(visit.plannedDay);
    if (list) list.push(visit);
    else byDay.set(visit.plannedDay, [visit]);
  }
  for (const list of byDay.values()) list.sort((x, y) => Date.parse(x.plannedAt) - Date.parse(y.plannedAt));
  return byDay;
}

function plannedVisitItems(visits: readonly AgendaPlannedVisit[], today: Today, lookup: AgendaLookup): PlannedVisitItem[] {
  const items: PlannedVisitItem[] = [];
  for (const visit of visits) {
    const account = lookup.account(visit.accountId);
    if (!account) continue;
    items.push({
      kind: 'planned_visit',
      key: plannedVisitKey(visit.id),
      ...itemBase(account, undefined, today.day, 0, 0),
      actions: ACTIONS.plannedVisit,
      visitId: visit.id,
      visitKind: visit.kind,
      plannedAt: visit.plannedAt,
    });
  }
  return items;
}

// ---------- revisits and win-back ----------

interface PreparedAccount {
  account: AgendaAccount;
  clock: CadenceClock;
  lastActivityEpochDay: number | null;
  /** the last day a visit is planned for; revisit reminders stay quiet until then */
  lastPlannedEpochDay: number | null;
}

function prepareAccounts(accounts: readonly AgendaAccount[], plannedVisits: readonly AgendaPlannedVisit[], options: AgendaOptions): PreparedAccount[] {
  const lastPlannedDay = new Map<string, CalendarDay>();
  for (const visit of plannedVisits) {
    const known = lastPlannedDay.get(visit.accountId);
    if (known === undefined || visit.plannedDay > known) lastPlannedDay.set(visit.accountId, visit.plannedDay);
  }
  // Thousands of accounts share a few hundred distinct days: parse each day once.
  const epochDays = new Map<CalendarDay, number>();
  const epochDayOrNull = (day: CalendarDay | null | undefined) => {
    if (day === null || day === undefined) return null;
    let epochDay = epochDays.get(day);
    if (epochDay === undefined) epochDays.set(day, (epochDay = epochDayOf(day)));
    return epochDay;
  };
  return accounts.map((account) => ({
    account,
    clock: cadenceClock(account, account.lastCountedContactDay, options.cadence),
    lastActivityEpochDay: epochDayOrNull(account.lastActivityDay),
    lastPlannedEpochDay: epochDayOrNull(lastPlannedDay.get(account.id)),
  }));
}

/**
 * Revisits for served accounts whose cadence is due or overdue, win-back suggestions for accounts that
 * are lapsed on that day; neither for an account with a visit planned from that day on (the rep has
 * already acted).
 */
function cadenceItems(accounts: readonly PreparedAccount[], today: Today, lookup: AgendaLookup, options: AgendaOptions) {
  const overdue: RevisitItem[] = [];
  const due: RevisitItem[] = [];
  const winBack: WinBackItem[] = [];
  const plannedAhead = { overdue: 0, due: 0 };
  for (const { account, clock, lastActivityEpochDay, lastPlannedEpochDay } of accounts) {
    const daysInactive = lastActivityEpochDay === null ? null : today.epochDay - lastActivityEpochDay;
    const status = statusAfterInactivity(account.status, daysInactive, options.cadence.lapseThresholdDays);
    if (lastPlannedEpochDay !== null && lastPlannedEpochDay >= today.epochDay) {
      // Counted, not listed: Team's figures count these accounts as overdue, so Today says how many it hides.
      const state = isServed(status) ? clock.stateOn(today.epochDay) : 'ok';
      if (state === 'overdue') plannedAhead.overdue += 1;
      else if (state !== 'ok') plannedAhead.due += 1;
      continue;
    }
    if (status === 'lapsed') {
      const key = winBackKey(account.id, account.lastActivityDay);
      if (lookup.isSnoozed(key, today.day)) continue;
      winBack.push({
        kind: 'win_back',
        key,
        ...itemBase(account, undefined, today.day, 0, 0),
        actions: ACTIONS.visitNeeded,
        lastActivityDay: account.lastActivityDay,
      });
      continue;
    }
    if (!isServed(status)) continue;
    if (clock.stateOn(today.epochDay) === 'ok') continue;
    const cadence = clock.on(today.epochDay);
    const key = revisitKey(account.id, cadence.dueDay);
    if (lookup.isSnoozed(key, today.day)) continue;
    const daysUntil = clock.dueEpochDay === null ? 0 : clock.dueEpochDay - today.epochDay;
    const item: RevisitItem = {
      kind: cadence.state === 'overdue' ? 'revisit_overdue' : 'revisit_due',
      key,
      ...itemBase(account, undefined, cadence.dueDay ?? today.day, daysUntil, cadence.daysOverdue),
      actions: ACTIONS.visitNeeded,
      cadence,
      gap: gapFor(account.tier, account.cadenceDays, options.cadence),
      ownCadence: account.cadenceDays !== null,
      lastCounted: account.lastCountedContactDay === null || account.lastCountedContactKind === null ? null : { day: account.lastCountedContactDay, kind: account.lastCountedContactKind },
      lastUncounted: account.lastUncountedContact,
    };
    (item.kind === 'revisit_overdue' ? overdue : due).push(item);
  }
  return { overdue, due, winBack, plannedAhead };
}

// ---------- important dates and festivals ----------

function importantDateItems(buckets: DayBuckets<DatedOccurrence>, maxLeadDays: number, today: Today, lookup: AgendaLookup): ImportantDateItem[] {
  const items: ImportantDateItem[] = [];
  for (let daysUntil = 0; daysUntil <= maxLeadDays; daysUntil++) {
    for (const { date, occurrence, leadDays } of buckets.get(today.epochDay + daysUntil) ?? []) {
      if (daysUntil > leadDays) continue;
      const account = lookup.account(date.accountId);
      const familyMember = lookup.familyMember(date.familyMemberId);
      const key = dateKey(date.id, occurrence.day);
      if (!account || lookup.isGreeted(key) || lookup.isSnoozed(key, today.day)) continue;
      items.push({
        kind: 'important_date',
        key,
        ...itemBase(account, lookup.contact(date.contactId), occurrence.day, daysUntil, 0),
        actions: ACTIONS.greeting,
        dateId: date.id,
        dateKind: date.kind,
        label: date.label ?? null,
        familyMemberId: date.familyMemberId,
        familyMemberName: familyMember?.name ?? null,
        familyMemberRelation: familyMember?.relation ?? null,
        source: { calendar: date.calendar, month: date.month, day: date.day, isLeapMonth: date.isLeapMonth, year: date.year },
        years: occurrence.years,
        milestone: isMilestone(date.kind, occurrence.years),
        lastGreeting: lookup.previousGreeting(key),
      });
    }
  }
  return items;
}

/** Who gets festival greetings: the configured contacts, or else the key contacts of A-tier accounts. */
function festivalRecipients(contacts: readonly AgendaContact[], lookup: AgendaLookup, chosenIds: readonly string[] | null): AgendaContact[] {
  if (chosenIds !== null) return chosenIds.flatMap((id) => lookup.contact(id) ?? []);
  return contacts.filter((contact) => contact.isKey && lookup.account(contact.accountId)?.tier === 'A');
}

function festivalItems(
  buckets: DayBuckets<Festival>,
  leadDays: number,
  recipients: readonly AgendaContact[],
  today: Today,
  lookup: AgendaLookup,
): FestivalItem[] {
  const items: FestivalItem[] = [];
  for (let daysUntil = 0; daysUntil <= leadDays; daysUntil++) {
    for (const festival of buckets.get(today.epochDay + daysUntil) ?? []) {
      for (const contact of recipients) {
        const account = lookup.account(contact.accountId);
        const key = festivalKey(festival.id, contact.id, festival.day);
        if (!account || lookup.isGreeted(key) || lookup.isSnoozed(key, today.day)) continue;
        items.push({
          kind: 'festival',
          key,
          ...itemBase(account, contact, festival.day, daysUntil, 0),
          actions: ACTIONS.greeting,
          festivalId: festival.id,
          traditional: festival.traditional,
          lastGreeting: lookup.previousGreeting(key),
        });
      }
    }
  }
  return items;
}

// ---------- ordering within groups ----------

/** Code-point order: a stable tie-break that costs nothing (locale collation is the renderer's job). */
function compareText(x: string | null, y: string | null): number {
  const a = x ?? '';
  const b = y ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

function byTierThenMostOverdue(x: RevisitItem, y: RevisitItem): number {
  return compareText(x.tier, y.tier) || y.daysOverdue - x.daysOverdue || compareText(x.accountName, y.accountName);
}

function byTierThenLongestDue(x: RevisitItem, y: RevisitItem): number {
  const never = (item: RevisitItem) => Number(item.cadence.state === 'never');
  return compareText(x.tier, y.tier) || never(x) - never(y) || x.daysUntil - y.daysUntil || compareText(x.accountName, y.accountName);
}

function bySoonestMilestoneFirst(x: ImportantDateItem, y: ImportantDateItem): number {
  return (
    x.daysUntil - y.daysUntil ||
    Number(y.milestone) - Number(x.milestone) ||
    compareText(x.tier, y.tier) ||
    compareText(x.accountName, y.accountName) ||
    compareText(x.contactName, y.contactName) ||
    compareText(x.key, y.key)
  );
}

function bySoonestThenTier(x: FestivalItem, y: FestivalItem): number {
  return x.daysUntil - y.daysUntil || compareText(x.tier, y.tier) || compareText(x.accountName, y.accountName) || compareText(x.key, y.key);
}

/** Recently lapsed accounts first within a tier: the relationship is freshest. */
function byTierThenRecentlyLapsed(x: WinBackItem, y: WinBackItem): number {
  return compareText(x.tier, y.tier) || compareText(y.lastActivityDay, x.lastActivityDay) || compareText(x.accountName, y.accountName);
}
