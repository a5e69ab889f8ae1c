/** Complaints: log, first response, resolution; listed with those waiting past their target first. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Complaint } from '../../core/model/reminders.js';
import { getAccount } from '../repo/accounts.js';
import { getComplaint, insertComplaint, listComplaints, updateComplaint } from '../repo/complaints.js';
import { getContact } from '../repo/contacts.js';
import { assertUndoable, foreignReference, found, invalidReference, toUtc, type ServiceContext } from './context.js';
import { currentSettings } from './settings.js';

type ComplaintHandlers = Pick<ApiHandlers, 'complaints.create' | 'complaints.respond' | 'complaints.resolve' | 'complaints.revert' | 'complaints.list'>;

const MS_PER_HOUR = 3_600_000;

/** Display order: waiting past target (oldest deadline first), still waiting (closest deadline first), responded, resolved (latest first). */
export function byUrgency(nowMs: number, defaultTargetHours: number) {
  const respondByMs = (complaint: Complaint) => Date.parse(complaint.receivedAt) + (complaint.targetHours ?? defaultTargetHours) * MS_PER_HOUR;
  const group = (complaint: Complaint) => {
    if (complaint.status === 'open') return respondByMs(complaint) <= nowMs ? 0 : 1;
    return complaint.status === 'responded' ? 2 : 3;
  };
  return (x: Complaint, y: Complaint): number => {
    const groupX = group(x);
    const difference = groupX - group(y);
    if (difference !== 0) return difference;
    if (groupX <= 1) return respondByMs(x) - respondByMs(y);
    return Date.parse(y.receivedAt) - Date.parse(x.receivedAt);
  };
}

export function complaintHandlers(context: ServiceContext): ComplaintHandlers {
  const { db, stamp } = context;
  const open = (id: string): Complaint => {
    const complaint = found(getComplaint(db, id));
    if (complaint.status === 'resolved') throw new ApiError('conflict', { params: { status: complaint.status } });
    return complaint;
  };
  return {
    'complaints.create': (input) => {
      if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
      if (input.contactId !== null && getContact(db, input.contactId)?.accountId !== input.accountId) throw foreignReference(['contactId']);
      return insertComplaint(
        db,
        { ...input, receivedAt: toUtc(input.receivedAt), firstRespondedAt: null, response: null, resolvedAt: null, resolution: null },
        stamp(),
      );
    },
    // A second response updates the text; the first response time, which the target measures, stays.
    'complaints.respond': ({ id, respondedAt, response }) => {
      const complaint = open(id);
      return updateComplaint(db, id, { firstRespondedAt: complaint.firstRespondedAt ?? toUtc(respondedAt), response }, stamp());
    },
    // Resolving answers the customer too: a complaint resolved without a separate response was responded to then.
    'complaints.resolve': ({ id, resolvedAt, resolution }) => {
      const complaint = open(id);
      const at = toUtc(resolvedAt);
      return updateComplaint(db, id, { firstRespondedAt: complaint.firstRespondedAt ?? at, resolvedAt: at, resolution }, stamp());
    },
    // Undo of a reply or a resolution: refused (a conflict) once the complaint changed again since.
    'complaints.revert': ({ id, updatedAt, to }) =>
      db.transaction(() => {
        const complaint = found(getComplaint(db, id));
        const at = (instant: string | null) => (instant === null ? null : toUtc(instant));
        const back = { firstRespondedAt: at(to.firstRespondedAt), response: to.response, resolvedAt: at(to.resolvedAt), resolution: to.resolution };
        const already = (Object.keys(back) as Array<keyof typeof back>).every((field) => complaint[field] === back[field]);
        if (complaint.updatedAt !== updatedAt || already) throw new ApiError('conflict', { params: { status: complaint.status } });
        assertUndoable(complaint.updatedAt, context.now());
        // Only a reply or a resolution is undone, so what it goes back to was not resolved, and was
        // first answered then or not yet: an undo cannot invent an earlier first response time.
        const notBefore = (path: string) => new ApiError('validation', { issues: [{ path: ['to', path], message: 'validation.invalid' }] });
        if (back.resolvedAt !== null) throw notBefore('resolvedAt');
        if (back.resolution !== null) throw notBefore('resolution');
        if (back.firstRespondedAt !== null && back.firstRespondedAt !== complaint.firstRespondedAt) throw notBefore('firstRespondedAt');
        return updateComplaint(db, id, back, stamp());
      })(),
    'complaints.list': ({ breached, ...filter }) => {
      const nowMs = context.now().getTime();
      const targetHours = currentSettings(context).reminders.complaintTargetHours;
      return listComplaints(db, filter)
        .map((complaint) => {
          const respondByMs = Date.parse(complaint.receivedAt) + (complaint.targetHours ?? targetHours) * MS_PER_HOUR;
          const answeredMs = complaint.firstRespondedAt === null ? nowMs : Date.parse(complaint.firstRespondedAt);
          return { ...complaint, respondBy: new Date(respondByMs).toISOString(), breached: answeredMs > respondByMs };
        })
        .filter((complaint) => breached === undefined || complaint.breached === breached)
        .sort(byUrgency(nowMs, targetHours));
    },
  };
}
