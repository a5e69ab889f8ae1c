import type { ApiHandlers, ApiOutputs, ApiParsedInput } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Visit } from '../../core/model/schemas.js';
import { getAccount } from '../repo/accounts.js';
import { getContact } from '../repo/contacts.js';
import { deleteNote, insertNote } from '../repo/notes.js';
import { deleteVisit, editVisitRecord, getVisit, insertVisit, listPlannedBetween, updateVisit } from '../repo/visits.js';
import { statement } from '../repo/table.js';
import { listVisitRevisions } from '../synced/visitHistory.js';
import { assertUndoable, foreignReference, found, invalidReference, toUtc, type ServiceContext } from './context.js';
import { refreshAccountLifecycle } from './lifecycle.js';

type VisitHandlers = Pick<
  ApiHandlers,
  'visits.plan' | 'visits.log' | 'visits.unlog' | 'visits.unplan' | 'visits.cancel' | 'visits.reschedule' | 'visits.edit' | 'visits.revisions' | 'visits.upcoming'
>;

const DAY_MS = 86_400_000;
/** Leeway for a done time picked to the minute on a clock a little ahead of the host's. */
const CLOCK_LEEWAY_MS = 60_000;

/** A visit cannot have been done later than now: the message names the field (`field`, translated by the renderer). */
function assertNotInFuture(doneAt: string, now: Date): void {
  if (new Date(doneAt).getTime() > now.getTime() + CLOCK_LEEWAY_MS) {
    throw new ApiError('validation', { issues: [{ path: ['doneAt'], message: 'validation.inFuture' }], params: { field: 'doneAt' } });
  }
}

export function visitHandlers(context: ServiceContext): VisitHandlers {
  const { db, stamp, now: clock } = context;
  /** The people met must be the account's own. */
  const assertMetOfAccount = (accountId: string, metContactIds: readonly string[]) =>
    metContactIds.forEach((contactId, index) => {
      if (getContact(db, contactId)?.accountId !== accountId) throw foreignReference(['metContactIds', index]);
    });
  /** Completes the planned visit `visitId`, or records a done visit that was never planned; plus its note. */
  const logVisit = (input: ApiParsedInput<'visits.log'>): Visit => {
    if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
    assertMetOfAccount(input.accountId, input.metContactIds);
    assertNotInFuture(input.doneAt, clock());
    const now = stamp();
    const outcome = {
      kind: input.kind,
      status: 'done' as const,
      doneAt: toUtc(input.doneAt),
      metContactIds: input.metContactIds,
      outcome: input.outcome,
      nextStep: input.nextStep,
      nextVisitDate: input.nextVisitDate,
    };
    let visit: Visit;
    if (input.visitId === undefined) {
      visit = insertVisit(db, { ...outcome, accountId: input.accountId, plannedAt: null, cancelledAt: null, purpose: null }, now);
    } else {
      const planned = found(getVisit(db, input.visitId));
      if (planned.accountId !== input.accountId) throw foreignReference(['visitId']);
      if (planned.status !== 'planned') throw new ApiError('conflict', { params: { status: planned.status } });
      visit = updateVisit(db, planned.id, outcome, now);
    }
    if (input.note) insertNote(db, { accountId: input.accountId, visitId: visit.id, contactId: null, body: input.note }, now);
    // A visit to a lapsed account wins it back.
    refreshAccountLifecycle(context, input.accountId);
    return visit;
  };

  /**
   * Undoes `visits.log` while the visit is as it left it: a completed planned visit is planned again, a
   * recorded one deleted, and the note written with it (same visit, same instant) deleted. Each is an
   * ordinary synced change, so the server and the rep's other devices follow.
   */
  const unlogVisit = ({ id, updatedAt, plannedKind }: ApiParsedInput<'visits.unlog'>): ApiOutputs['visits.unlog'] => {
    const visit = found(getVisit(db, id));
    if (visit.status !== 'done' || visit.updatedAt !== updatedAt) throw new ApiError('conflict', { params: { status: visit.status } });
    assertUndoable(visit.updatedAt, clock());
    const now = stamp();
    const noteIds = statement(db, 'SELECT id FROM notes WHERE visit_id = ? AND created_at = ? AND deleted_at IS NULL').pluck().all(id, updatedAt) as string[];
    for (const noteId of noteIds) deleteNote(db, noteId, now);
    let status: ApiOutputs['visits.unlog']['status'];
    if (plannedKind !== null && visit.plannedAt !== null) {
      updateVisit(db, id, { kind: plannedKind, status: 'planned', doneAt: null, metContactIds: [], outcome: null, nextStep: null, nextVisitDate: null }, now);
      status = 'planned';
    } else {
      deleteVisit(db, id, now);
      status = 'deleted';
    }
    // The account's last visit moves back, and with it lapsed or won back.
    refreshAccountLifecycle(context, visit.accountId);
    return { id, status };
  };

  /** Corrects a done visit's record, keeping its history. */
  const editVisit = ({ id, ...record }: ApiParsedInput<'visits.edit'>): Visit => {
    const visit = found(getVisit(db, id));
    if (visit.status !== 'done') throw new ApiError('conflict', { params: { status: visit.status } });
    assertMetOfAccount(visit.accountId, record.metContactIds);
    assertNotInFuture(record.doneAt, clock());
    const edited = editVisitRecord(db, id, { ...record, doneAt: toUtc(record.doneAt) }, stamp());
    // A changed done time may change the account's last visit, and with it lapsed or won back.
    refreshAccountLifecycle(context, visit.accountId);
    return edited;
  };

  return {
    'visits.plan': (input) => {
      if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
      return insertVisit(
        db,
        {
          accountId: input.accountId,
          kind: input.kind,
          status: 'planned',
          plannedAt: toUtc(input.plannedAt),
          doneAt: null,
          cancelledAt: null,
          purpose: input.purpose,
          metContactIds: [],
          outcome: null,
          nextStep: null,
          nextVisitDate: null,
        },
        stamp(),
      );
    },
    'visits.log': (input) => db.transaction(logVisit)(input),
    'visits.unlog': (input) => db.transaction(unlogVisit)(input),
    // Planning undone: removed, not cancelled, so no cancelled visit is left in the history.
    'visits.unplan': ({ id, updatedAt }) =>
      db.transaction(() => {
        const visit = found(getVisit(db, id));
        if (visit.status !== 'planned' || visit.updatedAt !== updatedAt) throw new ApiError('conflict', { params: { status: visit.status } });
        assertUndoable(visit.updatedAt, clock());
        deleteVisit(db, id, stamp());
        return { id };
      })(),
    'visits.cancel': ({ id }) => {
      const visit = found(getVisit(db, id));
      if (visit.status !== 'planned') throw new ApiError('conflict', { params: { status: visit.status } });
      const now = stamp();
      return updateVisit(db, id, { status: 'cancelled', cancelledAt: now }, now);
    },
    'visits.reschedule': ({ id, plannedAt }) => {
      const visit = found(getVisit(db, id));
      if (visit.status !== 'planned') throw new ApiError('conflict', { params: { status: visit.status } });
      return updateVisit(db, id, { plannedAt: toUtc(plannedAt) }, stamp());
    },
    'visits.edit': (input) => db.transaction(editVisit)(input),
    'visits.revisions': ({ id }) => {
      found(getVisit(db, id));
      return listVisitRevisions(db, id);
    },
    'visits.upcoming': ({ from, days }) => {
      const start = new Date(from);
      return listPlannedBetween(db, start.toISOString(), new Date(start.getTime() + days * DAY_MS).toISOString());
    },
  };
}
