/**
 * The accounts list: search, filters, sort and paging in one query.
 *
 * Search matches the name (Chinese or English substrings), the full pinyin, the pinyin initials
 * and the city. FTS5's trigram index answers queries of 3+ characters; it cannot answer shorter
 * ones, so 1–2 character queries (very common for Chinese: 张, 中国) use LIKE on the base table —
 * a few milliseconds even at tens of thousands of accounts. Pinyin and initials match as prefixes
 * there, because a 1–2 letter substring of pinyin matches almost everything.
 *
 * The accounts list also finds an account by its contacts' names (name, pinyin, initials). Several words
 * must each match some field (AND): "上海 张伟" is the account in 上海 where 张伟 works. Chinese is typed
 * without spaces, so "上海张伟" is also tried as two parts of 2+ characters each ("上海" + "张伟"); the
 * whole text as one phrase always counts too ("zhong guo yin" is the pinyin "zhongguoyin").
 */
import type { z } from 'zod';
import type { AccountListQuery, AccountListRow } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { searchIndexAside } from '../synced/indexesSetAside.js';
import { isReadOnlyOwner, restrictedToUser } from './readOnly.js';
import { escapeLike, statement, type SqlRow } from './table.js';

export type ParsedAccountListQuery = z.output<typeof AccountListQuery>;

const TRIGRAM = 3;


interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * One word against the account's own fields (name, pinyin, initials, city). `indexed`: the search index
 * is up to date; while a first sync has it set aside, a long word is a LIKE substring over the same fields.
 */
function accountWordCondition(text: string, indexed: boolean): Condition {
  if ([...text].length >= TRIGRAM && !indexed) {
    const phrases = [...new Set([text, text.replace(/\s+/g, '')])].map((phrase) => `%${escapeLike(phrase)}%`);
    const fields = ['a.name', 'a.city', 'a.name_pinyin', 'a.name_initials'];
    return {
      sql: `(${phrases.flatMap(() => fields.map((field) => `${field} LIKE ? ESCAPE '\\'`)).join(' OR ')})`,
      params: phrases.flatMap((phrase) => fields.map(() => phrase)),
    };
  }
  if ([...text].length >= TRIGRAM) {
    // A quoted FTS5 string is matched as a substring by the trigram tokenizer (case-insensitive).
    // Pinyin is stored without spaces, so "zhong guo" is also tried as "zhongguo".
    const phrases = new Set([text, text.replace(/\s+/g, '')]);
    const match = [...phrases].map((phrase) => `"${phrase.replace(/"/g, '""')}"`).join(' OR ');
    return { sql: 'a.rowid IN (SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ?)', params: [match] };
  }
  const contains = `%${escapeLike(text)}%`;
  const prefix = `${escapeLike(text.toLowerCase())}%`;
  return {
    sql: "(a.name LIKE ? ESCAPE '\\' OR a.city LIKE ? ESCAPE '\\' OR a.name_pinyin LIKE ? ESCAPE '\\' OR a.name_initials LIKE ? ESCAPE '\\')",
    params: [contains, contains, prefix, prefix],
  };
}

/** One word against the names of the account's live contacts: the name contains it, the pinyin or initials start with it (3+ characters: the pinyin contains it). */
function contactWordCondition(text: string): Condition {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const pinyin = [...compact].length >= TRIGRAM ? `%${escapeLike(compact)}%` : `${escapeLike(compact)}%`;
  return {
    sql: `EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL
            AND (c.name LIKE ? ESCAPE '\\' OR c.name_pinyin LIKE ? ESCAPE '\\' OR c.name_initials LIKE ? ESCAPE '\\'))`,
    params: [`%${escapeLike(text)}%`, pinyin, `${escapeLike(compact)}%`],
  };
}

const anyOf = (conditions: Condition[]): Condition => ({
  sql: conditions.length === 1 ? conditions[0]!.sql : `(${conditions.map((c) => c.sql).join(' OR ')})`,
  params: conditions.flatMap((c) => c.params),
});
const allOf = (conditions: Condition[]): Condition => ({
  sql: conditions.length === 1 ? conditions[0]!.sql : `(${conditions.map((c) => c.sql).join(' AND ')})`,
  params: conditions.flatMap((c) => c.params),
});

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** The longest unspaced Chinese text split in two; longer text is searched as one phrase only. */
const MAX_SPLIT = 12;

/** Ways to read the text as several words: split at spaces, or unspaced Chinese cut in two parts of 2+ characters. */
function wordSets(text: string): string[][] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length > 1) return [words];
  const chars = [...text];
  if (!HAN_ONLY.test(text) || chars.length < 4 || chars.length > MAX_SPLIT) return [];
  const sets: string[][] = [];
  for (let cut = 2; cut <= chars.length - 2; cut += 1) sets.push([chars.slice(0, cut).join(''), chars.slice(cut).join('')]);
  return sets;
}

/**
 * The search condition: the whole text as one phrase, or every word of one reading of it matching
 * some field. `contacts` adds the contacts' names to the fields (the accounts list; quick search lists
 * contacts on their own).
 */
function searchCondition(rawText: string, contacts: boolean, indexed: boolean): Condition | null {
  const text = rawText.trim();
  if (text === '') return null;
  const accountWord = (word: string) => accountWordCondition(word, indexed);
  const wordCondition = (word: string) => (contacts ? anyOf([accountWord(word), contactWordCondition(word)]) : accountWord(word));
  return anyOf([wordCondition(text), ...wordSets(text).map((words) => allOf(words.map(wordCondition)))]);
}

const inList = (column: string, values: readonly string[] | undefined): Condition | null =>
  values && values.length > 0 ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : null;

function whereClause(query: ParsedAccountListQuery, contacts: boolean, indexed: boolean): Condition {
  const conditions = [
    { sql: 'a.deleted_at IS NULL', params: [] },
    query.includeArchived ? null : { sql: 'a.archived_at IS NULL', params: [] },
    searchCondition(query.search ?? '', contacts, indexed),
    inList('a.tier', query.tiers),
    inList('a.status', query.statuses),
    inList('a.city', query.cities),
  ].filter((c): c is Condition => c !== null);
  return { sql: conditions.map((c) => c.sql).join(' AND '), params: conditions.flatMap((c) => c.params) };
}

function orderBy(query: ParsedAccountListQuery): string {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  // Chinese names sort by pinyin; the name itself breaks ties between homophones.
  const byName = `a.name_pinyin ${dir}, a.name ${dir}`;
  switch (query.sort) {
    case 'tier':
      return `a.tier ${dir}, a.name_pinyin, a.name`;
    case 'lastVisit':
      // never-visited accounts go last in either direction
      return `a.last_visit_at IS NULL, a.last_visit_at ${dir}, a.name_pinyin, a.name`;
    case 'name':
      return byName;
  }
}

/** `matchContacts: false` searches the accounts' own fields only (quick search shows contacts apart). */
export function listAccounts(db: Db, query: ParsedAccountListQuery, { matchContacts = true } = {}): { rows: AccountListRow[]; total: number } {
  const where = whereClause(query, matchContacts, !(query.search && searchIndexAside(db)));
  const total = statement(db, `SELECT count(*) FROM accounts a WHERE ${where.sql}`).pluck().get(...where.params) as number;
  // Page first, then count contacts for the page's rows only.
  const order = orderBy(query);
  const sql = `
    SELECT a.id, a.name, a.tier, a.tier_source, a.status, a.city, a.industry, a.long_term_contract, a.strategic,
           a.archived_at, a.last_visit_at, a.owner_id,
           (SELECT display_name FROM sync_owners o WHERE o.id = a.owner_id) AS owner_name,
           (SELECT count(*) FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL) AS contact_count
    FROM (SELECT * FROM accounts a WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?) a
    ORDER BY ${order}`;
  const rows = statement(db, sql).all(...where.params, query.limit, query.offset) as SqlRow[];
  const restrictedTo = restrictedToUser(db);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id as string,
      name: row.name as string,
      tier: row.tier as AccountListRow['tier'],
      tierSource: row.tier_source as AccountListRow['tierSource'],
      status: row.status as AccountListRow['status'],
      city: (row.city as string | null) ?? null,
      industry: (row.industry as string | null) ?? null,
      longTermContract: row.long_term_contract === 1,
      strategic: row.strategic === 1,
      archivedAt: (row.archived_at as string | null) ?? null,
      lastVisitAt: (row.last_visit_at as string | null) ?? null,
      contactCount: row.contact_count as number,
      ownerId: (row.owner_id as string | null) ?? null,
      ownerName: (row.owner_name as string | null) ?? null,
      readOnly: isReadOnlyOwner((row.owner_id as string | null) ?? null, restrictedTo),
    })),
  };
}
