/**
 * The Today agenda in the order a rep works through it. The service already ranks items; grouping
 * keeps that rank inside each group and only fixes the order of the groups.
 */
import type { AgendaItem, AgendaItemKind } from '../../../core/agenda/types.js';

export const AGENDA_GROUPS = ['complaints', 'visits', 'overdue', 'due', 'dates', 'festivals', 'winBack'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

const GROUP_OF_KIND: Record<AgendaItemKind, AgendaGroup> = {
  complaint_breached: 'complaints',
  complaint_open: 'complaints',
  complaint_follow_up: 'complaints',
  planned_visit: 'visits',
  revisit_overdue: 'overdue',
  revisit_due: 'due',
  important_date: 'dates',
  festival: 'festivals',
  win_back: 'winBack',
};

/** Non-empty groups in agenda order; complaints past their target lead their group. */
export function groupAgenda(items: readonly AgendaItem[]): Array<{ group: AgendaGroup; items: AgendaItem[] }> {
  const byGroup = new Map<AgendaGroup, AgendaItem[]>();
  for (const item of items) {
    const group = GROUP_OF_KIND[item.kind];
    byGroup.set(group, [...(byGroup.get(group) ?? []), item]);
  }
  const complaints = byGroup.get('complaints');
  // A stable sort: breached first, the service's order otherwise kept.
  if (complaints) complaints.sort((x, y) => Number(y.kind === 'complaint_breached') - Number(x.kind === 'complaint_breached'));
  return AGENDA_GROUPS.flatMap((group) => {
    const grouped = byGroup.get(group);
    return grouped ? [{ group, items: grouped }] : [];
  });
}
