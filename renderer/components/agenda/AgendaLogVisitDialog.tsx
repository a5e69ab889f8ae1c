import { useQuery } from '../../api/useQuery.js';
import { VisitLogDialog } from '../log/VisitLogDialog.js';

/**
 * The account's visit log dialog opened from an agenda row: loads the contacts it offers and, for a
 * planned visit, the visit it completes.
 */
export function AgendaLogVisitDialog({ accountId, visitId, onClose }: { accountId: string; visitId?: string; onClose: () => void }) {
  const detail = useQuery((api) => api['accounts.get']({ id: accountId }), [accountId]);
  const timeline = useQuery((api) => (visitId ? api['accounts.timeline']({ id: accountId }) : Promise.resolve([])), [accountId, visitId]);
  if (!detail.data || (visitId && !timeline.data)) return null;
  const visit = timeline.data?.flatMap((entry) => (entry.type === 'visit' && entry.visit.id === visitId ? [entry.visit] : []))[0];
  return <VisitLogDialog open onClose={onClose} accountId={accountId} accountName={detail.data.account.name} contacts={detail.data.contacts} visit={visit} />;
}
