import { addDays, addMinutes, max as latest, min as earliest, setHours, subDays } from 'date-fns';
import type { VisitKind } from '../../core/model/enums.js';
import { calendarDay, syncedFields, type BookContext } from './context.js';
import type { AccountPlan } from './accounts.js';
import { ACCOUNT_NOTES, NEXT_STEPS, OUTCOMES, PERSON_NOTES, PURPOSES, type NoteLanguage } from './vocabulary.js';
import type { ContactRow, NoteRow, VisitRow } from './write.js';

/** Product defaults: A every 14 days, B every 30, C every 90. */
const TIER_CADENCE_DAYS = { A: 14, B: 30, C: 90 } as const;
/** Mostly routine, as a rep's week really is. */
const KIND_WEIGHTS: Record<VisitKind, number> = {
  routine: 62, phone_call: 9, meeting: 5, delivery: 7, complaint_follow_up: 6, training: 5, survey: 3, executive: 1,
};
const PLANNING_HORIZON_DAYS = 14;

export interface Activity {
  visits: VisitRow[];
  notes: NoteRow[];
}

/** A working-hours instant on the given local day. */
function duringWorkHours(ctx: BookContext, day: Date): Date {
  return addMinutes(setHours(day, ctx.rng.int(9, 16)), ctx.rng.pick([0, 15, 30, 45]));
}

function purposeFor(ctx: BookContext, kind: VisitKind, language: NoteLanguage): string {
  return ctx.rng.pick(PURPOSES[language][kind] ?? PURPOSES[language].routine!);
}

/** English with an English-speaking contact (a Latin-script name), Chinese otherwise. */
function languageWith(contact: ContactRow | null | undefined): NoteLanguage {
  return contact && !/[\u3400-\u9fff]/.test(contact.name) ? 'en' : 'zh';
}

const firstMet = (contacts: readonly ContactRow[], ids: readonly string[]) => contacts.find((c) => c.id === ids[0]) ?? null;

/** When the history of completed visits ends, relative to today, for each pattern. */
function lastVisitDaysAgo(ctx: BookContext, pattern: AccountPlan['pattern'], cadence: number): number {
  const { rng } = ctx;
  switch (pattern) {
    case 'overdue':
      return Math.round(cadence * (1.3 + rng.next() * 1.7));
    case 'lapsed':
      return rng.int(200, 400);
    case 'prospect':
    case 'won_back':
      return rng.int(1, 30);
    case 'on_track':
      // from yesterday: a visit logged today would sit in the future of an early-morning `now`
      return rng.int(1, Math.max(1, Math.floor(cadence * 0.9)));
  }
}

function met(ctx: BookContext, contacts: readonly ContactRow[]): string[] {
  return ctx.rng.sample(contacts, ctx.rng.int(1, 2)).map((c) => c.id);
}

function doneVisit(ctx: BookContext, plan: AccountPlan, contacts: readonly ContactRow[], day: Date): VisitRow {
  const { rng } = ctx;
  const keyAccount = plan.row.long_term_contract === 1 || plan.row.strategic === 1;
  const kind = keyAccount && rng.chance(0.03) ? 'executive' : rng.weighted(KIND_WEIGHTS);
  const doneAt = duringWorkHours(ctx, day);
  const plannedAt = rng.chance(0.6) ? doneAt.toISOString() : null;
  const metIds = met(ctx, contacts);
  const language = languageWith(firstMet(contacts, metIds));
  return {
    ...syncedFields(ctx, doneAt),
    account_id: plan.row.id,
    kind,
    status: 'done',
    planned_at: plannedAt,
    done_at: doneAt.toISOString(),
    cancelled_at: null,
    purpose: purposeFor(ctx, kind, language),
    met_contact_ids: JSON.stringify(metIds),
    outcome: rng.pick(OUTCOMES[language]),
    next_step: rng.chance(0.7) ? rng.pick(NEXT_STEPS[language]) : null,
    next_visit_date: null,
  };
}

function cancelledVisit(ctx: BookContext, plan: AccountPlan, day: Date): VisitRow {
  const plannedAt = duringWorkHours(ctx, day);
  const cancelledAt = subDays(plannedAt, ctx.rng.int(0, 3));
  return {
    ...syncedFields(ctx, subDays(plannedAt, 7), cancelledAt),
    account_id: plan.row.id,
    kind: 'routine',
    status: 'cancelled',
    planned_at: plannedAt.toISOString(),
    done_at: null,
    cancelled_at: cancelledAt.toISOString(),
    purpose: purposeFor(ctx, 'routine', 'zh'),
    met_contact_ids: '[]',
    outcome: null,
    next_step: null,
    next_visit_date: null,
  };
}

/** The next visit on the schedule, if the account falls due within two weeks; the first few of a book are today. */
function plannedVisit(ctx: BookContext, plan: AccountPlan, contacts: readonly ContactRow[], dueDay: Date): VisitRow | null {
  const { rng } = ctx;
  const horizonEnd = addDays(ctx.today, PLANNING_HORIZON_DAYS);
  if (plan.pattern === 'lapsed' || dueDay > horizonEnd || !rng.chance(0.75)) return null;
  const today = ctx.plannedToday < 3 || rng.chance(0.06);
  if (today) ctx.plannedToday += 1;
  const day = today ? ctx.today : addDays(latest([dueDay, addDays(ctx.today, 1)]), rng.int(0, 3));
  if (day > horizonEnd) return null;
  const plannedAt = duringWorkHours(ctx, day);
  const kind = rng.weighted(KIND_WEIGHTS);
  const metIds = met(ctx, contacts);
  const language = languageWith(firstMet(contacts, metIds));
  return {
    ...syncedFields(ctx, subDays(ctx.now, rng.int(0, 10))),
    account_id: plan.row.id,
    kind,
    status: 'planned',
    planned_at: plannedAt.toISOString(),
    done_at: null,
    cancelled_at: null,
    purpose: purposeFor(ctx, kind, language),
    met_contact_ids: JSON.stringify(metIds),
    outcome: null,
    next_step: null,
    next_visit_date: null,
  };
}

function note(ctx: BookContext, plan: AccountPlan, at: Date, visitId: string | null, contact: ContactRow | null): NoteRow {
  // A note about a person names that person; one about the account is about the company, never "the company's child".
  const language = languageWith(contact);
  const body = contact ? ctx.rng.pick(PERSON_NOTES[language]).replaceAll('{name}', contact.name) : ctx.rng.pick(ACCOUNT_NOTES[language]);
  return {
    ...syncedFields(ctx, at),
    account_id: plan.row.id,
    visit_id: visitId,
    contact_id: contact?.id ?? null,
    body,
    revision_id: ctx.rng.uuidv7(at),
  };
}

/** A count that averages `mean`, spread from 0 to about twice the mean. */
function around(ctx: BookContext, mean: number): number {
  const whole = Math.floor(mean);
  return ctx.rng.int(0, 2 * whole) + (ctx.rng.chance(mean - whole) ? 1 : 0);
}

/**
 * A history of completed visits at the account's cadence (with the jitter of real life), a few
 * cancellations, the next planned visit, and the notes written along the way.
 */
export function generateActivity(ctx: BookContext, plan: AccountPlan, contacts: readonly ContactRow[]): Activity {
  const { rng, profile } = ctx;
  const activity: Activity = { visits: [], notes: [] };
  const cadence = plan.row.cadence_days ?? TIER_CADENCE_DAYS[plan.row.tier];
  const accountStart = new Date(plan.row.created_at);
  const historyStart = latest([accountStart, subDays(ctx.today, profile.historyDays)]);
  const lastDone = subDays(ctx.today, lastVisitDaysAgo(ctx, plan.pattern, cadence));
  const contactOf = (ids: string[]) => contacts.find((c) => c.id === ids[0]) ?? null;

  // Walk back from the most recent visit; a won-back account has a long silence before its return.
  const prospectVisits = plan.pattern === 'prospect' ? rng.int(0, 2) : Infinity;
  let day = lastDone;
  let done = 0;
  while (day >= historyStart && done < prospectVisits) {
    if (rng.chance(0.04)) {
      activity.visits.push(cancelledVisit(ctx, plan, day));
    } else {
      const visit = doneVisit(ctx, plan, contacts, day);
      activity.visits.push(visit);
      done += 1;
      const doneAt = new Date(visit.done_at!);
      for (let n = around(ctx, profile.notesPerVisit); n > 0; n -= 1) {
        const contact = rng.chance(0.5) ? contactOf(JSON.parse(visit.met_contact_ids) as string[]) : null;
        activity.notes.push(note(ctx, plan, earliest([addMinutes(doneAt, rng.int(30, 600)), ctx.now]), visit.id, contact));
      }
    }
    const gap = Math.max(1, Math.round(cadence * (0.7 + rng.next() * 0.6)));
    day = subDays(day, plan.pattern === 'won_back' && done === 2 ? gap + rng.int(200, 300) : gap);
  }

  const mostRecent = activity.visits.find((v) => v.status === 'done');
  if (mostRecent) mostRecent.next_visit_date = calendarDay(addDays(lastDone, cadence));
  const planned = plannedVisit(ctx, plan, contacts, addDays(mostRecent ? lastDone : ctx.today, mostRecent ? cadence : 0));
  if (planned) activity.visits.push(planned);

  for (let n = around(ctx, profile.looseNotesPerAccount); n > 0; n -= 1) {
    const at = new Date(historyStart.getTime() + rng.next() * (ctx.now.getTime() - historyStart.getTime()));
    activity.notes.push(note(ctx, plan, at, null, rng.chance(0.4) && contacts.length > 0 ? rng.pick(contacts) : null));
  }
  return activity;
}
