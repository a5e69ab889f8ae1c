/** Small, fixed records for the account-page tests. Ids are valid UUIDs so the real schemas would accept them. */
import type { AccountDetail, TimelineItem } from '../../../core/api/contract.js';
import type { Contact, ImportantDate, Note, Visit } from '../../../core/model/schemas.js';

export const ACCOUNT_ID = '01900000-0000-7000-8000-000000000001';
const AT = '2025-06-01T02:00:00.000Z';
const synced = (id: string) => ({ id, createdAt: AT, updatedAt: AT, deletedAt: null });

export const zhang: Contact = {
  ...synced('01900000-0000-7000-8000-000000000011'),
  accountId: ACCOUNT_ID,
  name: '张伟',
  title: '采购总监',
  role: 'decision_maker',
  phone: '138 0000 0000',
  email: null,
  wechat: 'zhangwei',
  interests: '普洱茶',
  isKey: true,
};

export const li: Contact = { ...zhang, ...synced('01900000-0000-7000-8000-000000000012'), name: '李娜', title: null, role: 'user', isKey: false };

export const plannedVisit: Visit = {
  ...synced('01900000-0000-7000-8000-000000000021'),
  accountId: ACCOUNT_ID,
  kind: 'executive',
  status: 'planned',
  plannedAt: '2025-07-02T02:00:00.000Z',
  doneAt: null,
  cancelledAt: null,
  purpose: '年度走访',
  metContactIds: [],
  outcome: null,
  nextStep: null,
  nextVisitDate: null,
};

export function note(body: string, revision = 1): Note {
  return { ...synced('01900000-0000-7000-8000-000000000031'), accountId: ACCOUNT_ID, visitId: null, contactId: null, body, revision };
}

export function lunarBirthday(fields: Partial<ImportantDate> = {}): ImportantDate {
  return {
    ...synced('01900000-0000-7000-8000-000000000041'),
    accountId: ACCOUNT_ID,
    contactId: zhang.id,
    familyMemberId: null,
    kind: 'birthday',
    label: null,
    leadDays: null,
    calendar: 'lunar',
    month: 6,
    day: 1,
    isLeapMonth: true,
    year: null,
    ...fields,
  };
}

export function accountDetail(fields: Partial<AccountDetail> = {}): AccountDetail {
  return {
    account: {
      ...synced(ACCOUNT_ID),
      name: '中国石油华东分公司',
      tier: 'A',
      tierSource: 'manual',
      status: 'active',
      industry: '能源',
      city: '上海',
      address: null,
      longTermContract: true,
      strategic: false,
      annualRevenue: null,
      cadenceDays: null,
      interests: null,
      notes: null,
      externalId: null,
      archivedAt: null,
    },
    contacts: [zhang, li],
    family: [],
    dates: [],
    lastVisitAt: null,
    ownerName: null,
    readOnly: false,
    ...fields,
  };
}

export function timelineOf(...items: Array<Visit | Note>): TimelineItem[] {
  return items.map((item) =>
    'body' in item ? { type: 'note', at: item.updatedAt, note: item } : { type: 'visit', at: item.doneAt ?? item.plannedAt ?? item.createdAt, visit: item },
  );
}
