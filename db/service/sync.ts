/** The `sync.*` methods of the app API over the installation's `SyncController`. */
import type { ApiHandlers, SyncFailureView, SyncNowView, SyncStatusView } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { isDiskFull } from '../diskFull.js';
import { copyRejectedNote, listConflicts, resolveNoteConflict, retryRejected } from '../sync/conflicts.js';
import { SyncController, type SyncOutcome } from '../sync/controller.js';
import { SyncError } from '../sync/http.js';
import { dismissRejected } from '../sync/state.js';
import { fileTokenStore } from '../sync/tokens.js';
import type { ServiceContext } from './context.js';

type SyncHandlers = Pick<
  ApiHandlers,
  | 'sync.status'
  | 'sync.signIn'
  | 'sync.signOut'
  | 'sync.now'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.dismissRejected'
  | 'sync.retryRejected'
  | 'sync.copyRejectedNote'
>;

/** A failed sign-in shown on the form field it is about. */
function signInError(error: unknown): unknown {
  if (!(error instanceof SyncError)) return error;
  if (error.code === 'too_many_attempts') {
    // On the password field: how many minutes to wait, when the server said.
    const minutes = minutesOf(error.retryAfterSeconds ?? 0);
    const message = error.retryAfterSeconds === undefined ? error.messageKey : 'sync:errors.too_many_attempts_wait';
    return new ApiError('validation', { issues: [{ path: ['password'], message }], params: { minutes } });
  }
  const field = error.code === 'bad_credentials' ? 'password' : 'serverUrl';
  return new ApiError('validation', { issues: [{ path: [field], message: error.messageKey }] });
}

/** Minutes to wait, as the server said in seconds (at least one). */
const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * A failed sync in words the user can act on; anything but a sync error or a full disk is unexpected
 * and thrown on (the dispatcher logs it and answers `internal`).
 */
export function syncFailure(error: unknown): SyncFailureView {
  if (error instanceof SyncError) {
    const wait = error.code === 'too_many_attempts' ? error.retryAfterSeconds : undefined;
    return {
      code: error.code,
      message: wait === undefined ? error.messageKey : 'sync:errors.too_many_attempts_wait',
      ...(wait === undefined ? {} : { params: { minutes: minutesOf(wait) } }),
      // The server's own message is a key of its log, not words for the user: only the connection's is kept.
      ...(error.message !== error.code && !error.message.startsWith('sync.server.') ? { detail: error.message } : {}),
    };
  }
  if (isDiskFull(error)) return { code: 'disk_full', message: 'common:errors.disk_full' };
  throw error;
}

function syncNowView(status: SyncStatusView, outcome: SyncOutcome | null): SyncNowView {
  if (!outcome) return { ...status, run: null, failure: null };
  if (outcome.report) {
    const { pushed, pulled, changed, rejected, conflicts, reset } = outcome.report;
    return { ...status, run: { pushed, pulled, changed, rejected, conflicts, reset }, failure: null };
  }
  return { ...status, run: null, failure: syncFailure(outcome.error) };
}

export function syncHandlers({ db, deps, now, stamp }: ServiceContext): SyncHandlers {
  const controller = new SyncController({ db, now, tokens: fileTokenStore(deps.dataDir), ...deps.sync });
  controller.startIfSignedIn();
  return {
    // Asked by a window showing it: the team's changes then arrive as they happen (see SyncController).
    'sync.status': () => {
      controller.holdLiveUpdates();
      return controller.status();
    },
    'sync.signIn': async (input) => {
      try {
        return await controller.signIn(input);
      } catch (error) {
        throw signInError(error);
      }
    },
    'sync.signOut': () => controller.signOut(),
    // The OS says the network is back: a sync only if the server answers, its outcome in the status.
    // Asked by a person (the app's button, `rounds sync`): what the sync did, or why it failed.
    'sync.now': async (input) => {
      if (input?.trigger === 'online') return syncNowView(await controller.online(), null);
      const outcome = await controller.syncNowWithOutcome();
      return syncNowView(controller.status(), outcome);
    },
    'sync.conflicts': () => listConflicts(db),
    'sync.resolveConflict': (input) => {
      resolveNoteConflict(db, input, stamp());
      return { noteId: input.noteId };
    },
    'sync.dismissRejected': ({ id }) => {
      if (!dismissRejected(db, id)) throw new ApiError('not_found');
      return { id };
    },
    'sync.retryRejected': ({ id }) => {
      retryRejected(db, id, stamp());
      return { id };
    },
    'sync.copyRejectedNote': ({ id }) => ({ noteId: copyRejectedNote(db, id, stamp()) }),
  };
}
