/** The agenda input indexed once, so building items is map lookups rather than scans. */
import type { CalendarDay } from '../calendar/day.js';
import { seriesOfKey } from './keys.js';
import type { AgendaAccount, AgendaContact, AgendaFamilyMember, AgendaGreeting, AgendaInput } from './types.js';

export interface AgendaLookup {
  account(id: string): AgendaAccount | undefined;
  contact(id: string | null): AgendaContact | undefined;
  familyMember(id: string | null): AgendaFamilyMember | undefined;
  /** hidden by a snooze on `day` (a snooze hides an item before its `untilDay`) */
  isSnoozed(key: string, day: CalendarDay): boolean;
  isGreeted(key: string): boolean;
  /** the latest greeting of the same series (same date, same festival and contact) for an earlier occurrence */
  previousGreeting(key: string): AgendaGreeting | null;
}

export function lookupFor(input: AgendaInput): AgendaLookup {
  const accounts = new Map(input.accounts.map((account) => [account.id, account]));
  const contacts = new Map(input.contacts.map((contact) => [contact.id, contact]));
  const familyMembers = new Map((input.familyMembers ?? []).map((member) => [member.id, member]));
  const snoozedUntil = new Map<string, CalendarDay>();
  for (const { key, untilDay } of input.snoozes) {
    const earlier = snoozedUntil.get(key);
    if (earlier === undefined || untilDay > earlier) snoozedUntil.set(key, untilDay);
  }
  const greeted = new Set(input.greetings.map((greeting) => greeting.key));
  const greetingsBySeries = new Map<string, AgendaGreeting[]>();
  for (const greeting of input.greetings) {
    const series = seriesOfKey(greeting.key);
    const list = greetingsBySeries.get(series);
    if (list) list.push(greeting);
    else greetingsBySeries.set(series, [greeting]);
  }
  // Latest occurrence first; a key's trailing day is its occurrence, so keys sort by occurrence.
  for (const list of greetingsBySeries.values()) list.sort((x, y) => (x.key < y.key ? 1 : x.key > y.key ? -1 : 0));

  return {
    account: (id) => accounts.get(id),
    contact: (id) => (id === null ? undefined : contacts.get(id)),
    familyMember: (id) => (id === null ? undefined : familyMembers.get(id)),
    isSnoozed: (key, day) => {
      const until = snoozedUntil.get(key);
      return until !== undefined && day < until;
    },
    isGreeted: (key) => greeted.has(key),
    previousGreeting: (key) => greetingsBySeries.get(seriesOfKey(key))?.find((greeting) => greeting.key < key) ?? null,
  };
}
