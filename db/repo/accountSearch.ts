/**
 * The accounts list: search, filters, sort and paging in one query.
 *
 * Search matches the name (Chinese or English substrings), the full pinyin, the pinyin initials
 * and the city. FTS5's trigram index answers queries of 3+ characters; it cannot answer shorter
 * ones, so 1–2 character queries (very common for Chinese: 张, 中国) use LIKE on the base table —
 * a few milliseconds even at tens of thousands of accounts. Pinyin and initials match as prefixes
 * there, because a 1–2 letter substring of pinyin matches almost everything.
 */
import type { z } from 'zod';
import type { AccountListQuery, AccountListRow } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { isReadOnlyOwner, restrictedToUser } from './readOnly.js';
import { escapeLike, statement, type SqlRow } from './table.js';

export type ParsedAccountListQuery = z.output<typeof AccountListQuery>;

const TRIGRAM = 3;


interface Condition {
  sql: string;
  params: unknown[];
}

function searchCondition(rawText: string): Condition | null {
  const text = rawText.trim();
  if (text === '') return null;
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

const inList = (column: string, values: readonly string[] | undefined): Condition | null =>
  values && values.length > 0 ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : null;

function whereClause(query: ParsedAccountListQuery): Condition {
  const conditions = [
    { sql: 'a.deleted_at IS NULL', params: [] },
    query.includeArchived ? null : { sql: 'a.archived_at IS NULL', params: [] },
    searchCondition(query.search ?? ''),
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

export function listAccounts(db: Db, query: ParsedAccountListQuery): { rows: AccountListRow[]; total: number } {
  const where = whereClause(query);
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
