import type { Complaint } from '../../../core/model/reminders.js';

const HOUR_MS = 3_600_000;

/** When the first response is due, and whether the customer is still waiting past it. */
export function responseDue(complaint: Complaint, defaultTargetHours: number, now: Date): { respondBy: Date; overdue: boolean } {
  const respondBy = new Date(new Date(complaint.receivedAt).getTime() + (complaint.targetHours ?? defaultTargetHours) * HOUR_MS);
  return { respondBy, overdue: complaint.firstRespondedAt === null && complaint.resolvedAt === null && now > respondBy };
}
