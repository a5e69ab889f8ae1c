/**
 * Matches validated import records against the database and the rows before them in the same file,
 * and decides for each row what it creates or changes. The same walk serves the dry run (a sink
 * that only hands out placeholder ids) and the import (a sink that calls the repo writers, so every
 * imported row is an ordinary local change with its outbox entry).
 *
 * Accounts match by external id when the row has one, else by name + city (name alone when the row
 * names no city and only one account has that name). Contacts match by name within their account,
 * dates by kind and calendar within their contact, visits by account, time and kind.
 *
 * In a lead's app another rep's account is read-only (`db/repo/readOnly.ts`): a row may match it and
 * report 'unchanged', but a row that would change or add anything under it is a row problem naming
 * the owner, with nothing of it written, like any other invalid row.
 */
import { AccountCreate, type AccountFields, type YearlyDate } from '../../core/model/schemas.js';
import type { ImportIssue, RowProblem } from '../../core/import/issues.js';
import type { ContactInput, ImportRecord } from '../../core/import/rows.js';
import type { Db } from '../connection.js';
import type { ContactValues } from '../repo/contacts.js';
import type { ImportantDateValues } from '../repo/dates.js';
import { accountOwnership, isReadOnlyOwner, restrictedToUser } from '../repo/readOnly.js';
import type { VisitValues } from '../repo/visits.js';

export type RowOutcome = 'new' | 'updated' | 'unchanged';

export interface Duplicate {
  line: number;
  against: 'file' | 'database';
  by: 'externalId' | 'nameCity' | 'name' | 'contactName' | 'visitTime';
  /** the earlier line of the file with the same key (against the file) */
  firstLine?: number;
  /** the matched row's id (against the database) */
  existingId?: string;
}

/** Where changes go: the dry run collects nothing, the import writes. Ids of created rows come back. */
export interface ImportSink {
  createAccount(fields: AccountFields): string;
  updateAccount(id: string, patch: Partial<AccountFields>): void;
  createContact(values: ContactValues): string;
  updateContact(id: string, patch: Partial<ContactInput>): void;
  createDate(values: ImportantDateValues): string;
  updateDate(id: string, patch: YearlyDate): void;
  createVisit(values: VisitValues): string;
}

export interface Reconciled {
  outcomes: Array<{ line: number; outcome: RowOutcome }>;
  problems: RowProblem[];
  duplicates: Duplicate[];
}

interface AccountState {
  id: string;
  fields: Record<string, unknown>;
  /** another rep's account in a lead's app; absent for accounts this import creates */
  readOnly?: boolean;
  /** the first line of this file that named the account as its own row (account lists) */
  line?: number;
}
interface DateState {
  id: string;
  kind: string;
  date: YearlyDate;
}
interface ContactState {
  id: string;
  fields: Record<string, unknown>;
  dates: DateState[];
  line?: number;
}

const fold = (text: string | null | undefined) => (text ?? '').trim().toLocaleLowerCase();
const contactKey = (accountId: string, name: string) => `${accountId}\u0000${fold(name)}`;
const visitKey = (accountId: string, doneAt: string, kind: string) => `${accountId}\u0000${doneAt}\u0000${kind}`;
const sameDate = (a: YearlyDate, b: YearlyDate) =>
  a.calendar === b.calendar && a.month === b.month && a.day === b.day && a.isLeapMonth === b.isLeapMonth && a.year === b.year;

/** The fields of `wanted` whose value differs from `current`. */
function changedFields<T extends Record<string, unknown>>(wanted: T, current: Record<string, unknown>): Partial<T> {
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== undefined && (value ?? null) !== (current[key] ?? null))) as Partial<T>;
}

const ACCOUNT_COLUMNS = 'id, name, tier, industry, city, address, annual_revenue AS annualRevenue, external_id AS externalId';

/** Thrown by a row's first write under a read-only account, before anything of the row is written. */
class ReadOnlyAccountRow extends Error {
  constructor(readonly accountId: string) {
    super(`account ${accountId} is read-only here`);
  }
}

/** The sink of a row under a read-only account: it refuses the row's first change. */
function refusingSink(accountId: string): ImportSink {
  const refuse = (): never => {
    throw new ReadOnlyAccountRow(accountId);
  };
  return { createAccount: refuse, updateAccount: refuse, createContact: refuse, updateContact: refuse, createDate: refuse, updateDate: refuse, createVisit: refuse };
}

/** The row problem of a change to another rep's account, naming the owner when the team server gave a name. */
function readOnlyAccountIssue(ownerName: string | null): ImportIssue {
  return ownerName === null ? { key: 'import.row.readOnlyAccountOtherRep' } : { key: 'import.row.readOnlyAccount', params: { owner: ownerName } };
}

class Matcher {
  private readonly byExternalId = new Map<string, AccountState>();
  private readonly byName = new Map<string, AccountState[]>();
  private readonly contacts = new Map<string, ContactState>();
  private readonly contactExternalIds = new Map<string, number>();
  private visits: Map<string, number | null> | null = null;
  /** the signed-in lead whose accounts alone are writable, or null when every account is */
  readonly restrictedTo: string | null;

  constructor(private readonly db: Db) {
    this.restrictedTo = restrictedToUser(db);
    const accounts = db.prepare(`SELECT ${ACCOUNT_COLUMNS}, owner_id AS ownerId FROM accounts WHERE deleted_at IS NULL`).all() as Array<Record<string, unknown>>;
    for (const { ownerId, ...fields } of accounts) {
      this.remember({ id: fields.id as string, fields, readOnly: isReadOnlyOwner(ownerId as string | null, this.restrictedTo) });
    }
    const dates = new Map<string, DateState[]>();
    const dateRows = db
      .prepare('SELECT id, contact_id, kind, calendar, month, day, is_leap_month, year FROM important_dates WHERE deleted_at IS NULL AND contact_id IS NOT NULL')
      .all() as Array<Record<string, unknown>>;
    for (const row of dateRows) {
      const list = dates.get(row.contact_id as string) ?? [];
      list.push({
        id: row.id as string,
        kind: row.kind as string,
        date: { calendar: row.calendar as YearlyDate['calendar'], month: row.month as number, day: row.day as number, isLeapMonth: row.is_leap_month === 1, year: (row.year as number | null) ?? null },
      });
      dates.set(row.contact_id as string, list);
    }
    for (const row of db.prepare('SELECT id, account_id, name, title, phone, email, wechat FROM contacts WHERE deleted_at IS NULL').all() as Array<Record<string, unknown>>) {
      this.contacts.set(contactKey(row.account_id as string, row.name as string), { id: row.id as string, fields: row, dates: dates.get(row.id as string) ?? [] });
    }
  }

  remember(account: AccountState): void {
    const externalId = account.fields.externalId as string | null;
    if (externalId) this.byExternalId.set(externalId, account);
    const name = fold(account.fields.name as string);
    this.byName.set(name, [...(this.byName.get(name) ?? []), account]);
  }

  /** The matching account, how it matched, or 'ambiguous' when a bare name fits several. */
  findAccount(account: ImportRecord['account']): { state: AccountState; by: Duplicate['by'] } | 'ambiguous' | null {
    if (account.externalId) {
      const state = this.byExternalId.get(account.externalId);
      return state ? { state, by: 'externalId' } : null;
    }
    const sameName = this.byName.get(fold(account.name)) ?? [];
    if (account.city !== undefined && account.city !== null) {
      const state = sameName.find((candidate) => fold(candidate.fields.city as string | null) === fold(account.city));
      return state ? { state, by: 'nameCity' } : null;
    }
    if (sameName.length === 1) return { state: sameName[0]!, by: 'name' };
    const withoutCity = sameName.filter((candidate) => !candidate.fields.city);
    if (withoutCity.length === 1) return { state: withoutCity[0]!, by: 'nameCity' };
    return sameName.length > 1 ? 'ambiguous' : null;
  }

  contact(accountId: string, name: string): ContactState | undefined {
    return this.contacts.get(contactKey(accountId, name));
  }

  addContact(accountId: string, state: ContactState): void {
    this.contacts.set(contactKey(accountId, state.fields.name as string), state);
  }

  /** First line of the file with this CRM contact id; records the line when it is the first. */
  claimContactExternalId(externalId: string, line: number): number | undefined {
    const first = this.contactExternalIds.get(externalId);
    if (first === undefined) this.contactExternalIds.set(externalId, line);
    return first;
  }

  /** Completed visits by key → the file line that added it (null: already in the database). Loaded on first use. */
  visitLines(): Map<string, number | null> {
    if (!this.visits) {
      this.visits = new Map();
      const rows = this.db.prepare("SELECT account_id, done_at, kind FROM visits WHERE deleted_at IS NULL AND status = 'done'").all() as Array<Record<string, string>>;
      for (const row of rows) this.visits.set(visitKey(row.account_id!, row.done_at!, row.kind!), null);
    }
    return this.visits;
  }
}

/** Walks the records in file order; every change goes to `sink`. */
export function reconcile(db: Db, records: readonly ImportRecord[], kind: 'accounts' | 'contacts' | 'visits', sink: ImportSink): Reconciled {
  const matcher = new Matcher(db);
  const result: Reconciled = { outcomes: [], problems: [], duplicates: [] };
  const invalid = (line: number, key: string, params: Record<string, string | number>) => result.problems.push({ line, issue: { key, params } });

  /** What the row does, or null when it is a problem or a duplicate (recorded in `result`). */
  const reconcileRow = (record: ImportRecord): RowOutcome | null => {
    const { line } = record;
    // Checked before the account is resolved, so a duplicate row creates nothing.
    const firstWithExternalId = record.contactExternalId ? matcher.claimContactExternalId(record.contactExternalId, line) : undefined;
    if (firstWithExternalId !== undefined) {
      result.duplicates.push({ line, against: 'file', by: 'externalId', firstLine: firstWithExternalId });
      invalid(line, 'import.row.duplicateInFile', { firstLine: firstWithExternalId });
      return null;
    }
    const found = matcher.findAccount(record.account);
    if (found === 'ambiguous') {
      invalid(line, 'import.row.ambiguousAccount', { name: record.account.name });
      return null;
    }
    if (kind === 'accounts' && found?.state.line !== undefined) {
      result.duplicates.push({ line, against: 'file', by: found.by, firstLine: found.state.line });
      invalid(line, 'import.row.duplicateInFile', { firstLine: found.state.line });
      return null;
    }
    // Another rep's account in a lead's app: the row may match it, but its first write is refused.
    const write = found?.state.readOnly ? refusingSink(found.state.id) : sink;
    let created = false;
    let changed = false;
    let account: AccountState;
    if (found) {
      account = found.state;
      if (kind === 'accounts') {
        result.duplicates.push({ line, against: 'database', by: found.by, existingId: account.id });
      }
      const patch = changedFields(record.account, account.fields);
      if (Object.keys(patch).length > 0) {
        write.updateAccount(account.id, patch);
        Object.assign(account.fields, patch);
        changed = true;
      }
    } else {
      const fields = AccountCreate.parse({ tier: 'C', ...record.account });
      account = { id: sink.createAccount(fields), fields: { ...fields } };
      matcher.remember(account);
      created = kind === 'accounts';
      changed = kind !== 'accounts';
    }
    if (kind === 'accounts') account.line = line;

    if (kind === 'contacts' && record.contact) {
      const existing = matcher.contact(account.id, record.contact.name);
      if (existing?.line !== undefined) {
        result.duplicates.push({ line, against: 'file', by: 'contactName', firstLine: existing.line });
        invalid(line, 'import.row.duplicateInFile', { firstLine: existing.line });
        return null;
      }
      let contact: ContactState;
      if (existing) {
        contact = existing;
        result.duplicates.push({ line, against: 'database', by: 'contactName', existingId: contact.id });
        const patch = changedFields({ ...record.contact }, contact.fields);
        if (Object.keys(patch).length > 0) {
          write.updateContact(contact.id, patch);
          Object.assign(contact.fields, patch);
          changed = true;
        }
      } else {
        const values: ContactValues = {
          accountId: account.id, name: record.contact.name, title: record.contact.title ?? null, role: null, phone: record.contact.phone ?? null,
          email: record.contact.email ?? null, wechat: record.contact.wechat ?? null, interests: null, isKey: false,
        };
        contact = { id: write.createContact(values), fields: { ...values }, dates: [] };
        matcher.addContact(account.id, contact);
        created = true;
      }
      contact.line = line;
      for (const { kind: dateKind, date } of record.dates) {
        const same = contact.dates.find((d) => d.kind === dateKind && d.date.calendar === date.calendar);
        if (same && sameDate(same.date, date)) continue;
        if (same) {
          write.updateDate(same.id, date);
          same.date = date;
        } else {
          const id = write.createDate({ accountId: account.id, contactId: contact.id, familyMemberId: null, kind: dateKind, label: null, leadDays: null, ...date });
          contact.dates.push({ id, kind: dateKind, date });
        }
        changed = true;
      }
    }

    if (kind === 'visits' && record.visit) {
      const key = visitKey(account.id, record.visit.doneAt, record.visit.kind);
      const visits = matcher.visitLines();
      if (visits.has(key)) {
        const firstLine = visits.get(key);
        if (firstLine !== null && firstLine !== undefined) {
          result.duplicates.push({ line, against: 'file', by: 'visitTime', firstLine });
          invalid(line, 'import.row.duplicateInFile', { firstLine });
          return null;
        }
        result.duplicates.push({ line, against: 'database', by: 'visitTime' });
      } else {
        write.createVisit({
          accountId: account.id, kind: record.visit.kind, status: 'done', plannedAt: null, doneAt: record.visit.doneAt, cancelledAt: null,
          purpose: null, metContactIds: [], outcome: record.visit.outcome, nextStep: record.visit.nextStep, nextVisitDate: null,
        });
        visits.set(key, line);
        created = true;
      }
    }
    return created ? 'new' : changed ? 'updated' : 'unchanged';
  };

  for (const record of records) {
    try {
      const outcome = reconcileRow(record);
      if (outcome) result.outcomes.push({ line: record.line, outcome });
    } catch (error) {
      if (!(error instanceof ReadOnlyAccountRow)) throw error;
      const ownerName = accountOwnership(db, error.accountId, matcher.restrictedTo)?.ownerName ?? null;
      result.problems.push({ line: record.line, issue: readOnlyAccountIssue(ownerName) });
    }
  }
  return result;
}
