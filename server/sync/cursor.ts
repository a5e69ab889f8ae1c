/**
 * The pull cursor: the team and the highest team version the client has seen, `<teamId>:<version>`.
 * Opaque to clients. A cursor of another team (the user moved) asks for a full resync.
 */
import { ServerError } from '../errors.js';

export interface Cursor {
  teamId: string;
  version: number;
}

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.teamId}:${cursor.version}`;
}

export function decodeCursor(text: string): Cursor {
  const match = /^([0-9a-f-]{36}):(\d{1,15})$/.exec(text);
  if (!match) throw new ServerError('invalid', 'sync.server.badCursor', [{ path: ['cursor'], message: 'sync.server.badCursor' }]);
  return { teamId: match[1]!, version: Number(match[2]) };
}
