/**
 * The import: every valid row in one transaction, or nothing. Rows go through the repo writers, so
 * each is an ordinary local change with its outbox entry. When the file has invalid rows nothing is
 * written unless the caller chose to skip them; any error mid-way rolls the whole import back.
 */
import { insertAccount, updateAccount } from '../repo/accounts.js';
import { insertContact, updateContact } from '../repo/contacts.js';
import { insertDate, updateDate } from '../repo/dates.js';
import { insertVisit } from '../repo/visits.js';
import type { Db } from '../connection.js';
import { runImport, type ImportPlan, type ImportRequest } from './plan.js';
import type { ImportSink } from './reconcile.js';

export interface ApplyOptions {
  /** ISO instant stamped on every written row */
  now: string;
  /** import the valid rows even when some are invalid */
  skipInvalid?: boolean;
}

export interface ImportOutcome {
  /** false: the file had invalid rows and `skipInvalid` was not set; nothing was written */
  imported: boolean;
  plan: ImportPlan;
}

function writingSink(db: Db, now: string): ImportSink {
  return {
    createAccount: (fields) => insertAccount(db, fields, now).id,
    updateAccount: (id, patch) => void updateAccount(db, id, patch, now),
    createContact: (values) => insertContact(db, values, now).id,
    updateContact: (id, patch) => void updateContact(db, id, patch, now),
    createDate: (values) => insertDate(db, values, now).id,
    updateDate: (id, date) => void updateDate(db, id, date, now),
    createVisit: (values) => insertVisit(db, values, now).id,
  };
}

/** Thrown inside the transaction to roll back an import whose file turned out to have invalid rows. */
class InvalidRowsRollback extends Error {
  constructor(readonly plan: ImportPlan) {
    super('import rolled back: invalid rows');
  }
}

export function applyImport(db: Db, request: ImportRequest, options: ApplyOptions): ImportOutcome {
  try {
    // One pass that writes as it goes: most imports are valid, and a separate dry run first would
    // double the work. A file with invalid rows is rolled back whole, unless they are to be skipped.
    return db.transaction((): ImportOutcome => {
      const plan = runImport(db, request, writingSink(db, options.now));
      if (plan.counts.invalid > 0 && !options.skipInvalid) throw new InvalidRowsRollback(plan);
      return { imported: true, plan };
    }).immediate();
  } catch (error) {
    if (error instanceof InvalidRowsRollback) return { imported: false, plan: error.plan };
    throw error;
  }
}
