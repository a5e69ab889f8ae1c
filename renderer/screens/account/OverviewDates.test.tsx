// @vitest-environment jsdom
/** The account's 近期重要日子 says whose each date is. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { TimelineItem } from '../../../core/api/contract.js';
import type { FamilyMember } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { accountDetail, li, lunarBirthday, zhang } from './fixtures.js';
import { OverviewTab } from './OverviewTab.js';

afterEach(cleanup);

const wife: FamilyMember = {
  id: '01900000-0000-7000-8000-000000000051', createdAt: '2025-06-01T02:00:00.000Z', updatedAt: '2025-06-01T02:00:00.000Z', deletedAt: null,
  contactId: li.id, name: '孙丽文', relation: 'spouse', notes: null,
};
const hers = lunarBirthday({ id: '01900000-0000-7000-8000-000000000042', contactId: li.id, familyMemberId: wife.id, calendar: 'gregorian', month: 2, day: 29, isLeapMonth: false, year: 1988 });
const his = lunarBirthday();
const company = lunarBirthday({ id: '01900000-0000-7000-8000-000000000043', contactId: null, kind: 'founding_day', calendar: 'gregorian', month: 5, day: 8, isLeapMonth: false });
const timeline: TimelineItem[] = [
  { type: 'date', at: '2027-02-28', date: hers },
  { type: 'date', at: '2026-07-15', date: his },
  { type: 'date', at: '2027-05-08', date: company },
];

describe('OverviewTab coming up', () => {
  it('names the person and, for a family member, whose family they are', async () => {
    await renderWithApi(<OverviewTab detail={accountDetail({ contacts: [zhang, li], family: [wife], dates: [hers, his, company] })} timeline={timeline} />, fakeApi({}), 'zh-CN');
    expect(screen.getByText('孙丽文（李娜的配偶）')).toBeTruthy();
    expect(screen.getByText('1988年2月29日')).toBeTruthy();
    expect(screen.getByText('张伟')).toBeTruthy();
    expect(screen.getByText('公司成立日')).toBeTruthy();
  });
});
