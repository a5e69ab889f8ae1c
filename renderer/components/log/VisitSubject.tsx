/**
 * The first line of a dialog about one visit (log it as done, reschedule it, correct it, its history):
 * whose visit it is — the account and the people (those met, else the account's key contacts) — and
 * when it was planned or done, with the weekday, so the rep never completes or moves the wrong one.
 */
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { Contact, Visit } from '../../../core/model/schemas.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { DialogSubject } from './DialogSubject.js';

/** A visit's time with its weekday, in the user's language ("Friday, Nov 27, 2026, 14:00" / "2026年11月27日 星期五 14:00"). */
/** What every dialog about one visit of an account is given. */
export interface VisitDialogProps {
  open: boolean;
  accountName: string;
  contacts: readonly Contact[];
  visit: Visit;
  onClose: () => void;
}

export function useVisitWhen(): (iso: string) => string {
  const { t } = useTranslation('account');
  const locale = useDateFnsLocale();
  return (iso) => format(new Date(iso), t('visits.whenFormat'), { locale });
}

export function VisitSubject({ accountName, visit, contacts }: { accountName: string; visit: Visit; contacts: readonly Contact[] }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const when = useVisitWhen();
  const met = visit.metContactIds.flatMap((id) => contacts.filter((c) => c.id === id).map((c) => c.name));
  const keyContacts = contacts.filter((c) => c.isKey).map((c) => c.name);
  const kind = tCommon(`enum.visitKind.${visit.kind}`);
  const lines = [
    visit.status === 'done' && visit.doneAt ? t('visits.subjectDone', { kind, when: when(visit.doneAt) }) : null,
    visit.plannedAt ? t(visit.status === 'done' ? 'visits.subjectWasPlanned' : 'visits.subjectPlanned', { kind, when: when(visit.plannedAt) }) : null,
    visit.purpose ? t('visits.subjectPurpose', { purpose: visit.purpose }) : null,
    met.length > 0
      ? t('visits.subjectMet', { names: met.join(t('visits.nameSeparator')) })
      : keyContacts.length > 0
        ? t('visits.subjectKeyContacts', { names: keyContacts.join(t('visits.nameSeparator')) })
        : null,
  ].filter((line): line is string => line !== null);
  return (
    <DialogSubject who={accountName}>
      {lines.map((line) => (
        <span key={line} style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </DialogSubject>
  );
}
