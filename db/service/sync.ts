/** The `sync.*` methods of the app API over the installation's `SyncController`. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { copyRejectedNote, listConflicts, resolveNoteConflict, retryRejected } from '../sync/conflicts.js';
import { SyncController } from '../sync/controller.js';
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
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 0) / 60));
    const message = error.retryAfterSeconds === undefined ? error.messageKey : 'sync:errors.too_many_attempts_wait';
    return new ApiError('validation', { issues: [{ path: ['password'], message }], params: { minutes } });
  }
  const field = error.code === 'bad_credentials' ? 'password' : 'serverUrl';
  return new ApiError('validation', { issues: [{ path: [field], message: error.messageKey }] });
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
    'sync.now': (input) => (input?.trigger === 'online' ? controller.online() : controller.syncNow()),
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
