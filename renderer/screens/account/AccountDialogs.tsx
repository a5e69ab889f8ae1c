/**
 * Every dialog of the account page, opened from the header or any tab through one piece of state,
 * so each tab only says *what* to open.
 */
import type { AccountDetail } from '../../../core/api/contract.js';
import type { Contact, FamilyMember, ImportantDate, Note, Visit } from '../../../core/model/schemas.js';
import { AccountForm } from '../accounts/AccountForm.js';
import { ImportantDateForm, type DateOwner } from '../../components/dates/ImportantDateForm.js';
import { VisitLogDialog } from '../../components/log/VisitLogDialog.js';
import { NoteDialog } from '../../components/log/NoteDialog.js';
import { ContactForm } from './ContactForm.js';
import { FamilyMemberForm } from './FamilyMemberForm.js';
import { PlanVisitDialog } from '../../components/log/PlanVisitDialog.js';
import { NoteHistoryDialog } from './NoteHistoryDialog.js';
import { RescheduleVisitDialog } from './RescheduleVisitDialog.js';
import { CorrectVisitDialog } from './CorrectVisitDialog.js';
import { VisitHistoryDialog } from './VisitHistoryDialog.js';

export type AccountDialog =
  | { type: 'editAccount' }
  | { type: 'planVisit' }
  | { type: 'logVisit'; visit?: Visit }
  | { type: 'rescheduleVisit'; visit: Visit }
  | { type: 'correctVisit'; visit: Visit }
  | { type: 'visitHistory'; visit: Visit }
  | { type: 'note'; note?: Note; links?: { visitId?: string; contactId?: string } }
  | { type: 'noteHistory'; note: Note }
  | { type: 'contact'; contact?: Contact }
  | { type: 'family'; contactId: string; member?: FamilyMember }
  | { type: 'date'; owner: DateOwner; date?: ImportantDate };

export type OpenDialog = (dialog: AccountDialog) => void;

/** Whose a date is, by name: a family member's, a contact's, or else the account's own. */
function nameOfOwner(owner: DateOwner, detail: AccountDetail): string {
  if (owner.familyMemberId) return detail.family.find((m) => m.id === owner.familyMemberId)?.name ?? detail.account.name;
  if (owner.contactId) return detail.contacts.find((c) => c.id === owner.contactId)?.name ?? detail.account.name;
  return detail.account.name;
}

export function AccountDialogs({ dialog, detail, visits, onClose }: { dialog: AccountDialog | null; detail: AccountDetail; visits: readonly Visit[]; onClose: () => void }) {
  if (!dialog) return null;
  const accountId = detail.account.id;
  const accountName = detail.account.name;
  switch (dialog.type) {
    case 'editAccount':
      return <AccountForm open account={detail.account} onClose={onClose} />;
    case 'planVisit':
      return <PlanVisitDialog open accountId={accountId} accountName={detail.account.name} onClose={onClose} />;
    case 'logVisit':
      return <VisitLogDialog open accountId={accountId} accountName={accountName} contacts={detail.contacts} visit={dialog.visit} onClose={onClose} />;
    case 'rescheduleVisit':
      return <RescheduleVisitDialog open accountName={accountName} contacts={detail.contacts} visit={dialog.visit} onClose={onClose} />;
    case 'correctVisit':
      return <CorrectVisitDialog open accountId={accountId} accountName={accountName} contacts={detail.contacts} visit={dialog.visit} onClose={onClose} />;
    case 'visitHistory':
      return <VisitHistoryDialog open accountName={accountName} contacts={detail.contacts} visit={dialog.visit} onClose={onClose} />;
    case 'note':
      return <NoteDialog open accountId={accountId} contacts={detail.contacts} visits={visits} note={dialog.note} links={dialog.links} onClose={onClose} />;
    case 'noteHistory':
      return <NoteHistoryDialog open note={dialog.note} onClose={onClose} />;
    case 'contact':
      return <ContactForm open accountId={accountId} accountName={accountName} contact={dialog.contact} onClose={onClose} />;
    case 'family':
      return <FamilyMemberForm open contactId={dialog.contactId} contactName={nameOfOwner({ accountId, contactId: dialog.contactId }, detail)} member={dialog.member} onClose={onClose} />;
    case 'date':
      return <ImportantDateForm open owner={dialog.owner} ownerName={nameOfOwner(dialog.owner, detail)} date={dialog.date} onClose={onClose} />;
  }
}
