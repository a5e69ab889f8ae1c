import type { Visit } from '../../../core/model/schemas.js';

/** The instant a visit is about: when it was done, else when it is planned, else when it was written down. */
export function visitTime(visit: Visit): string {
  return visit.doneAt ?? visit.plannedAt ?? visit.createdAt;
}
