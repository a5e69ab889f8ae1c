/**
 * One important date as a line: who, what kind, when it falls next, and the date as the person keeps it
 * (lunar dates shown both ways: 农历八月十五 and the Gregorian day it falls on this year).
 */
import { useTranslation } from 'react-i18next';
import { Space, Tag, Typography } from 'antd';
import type { UpcomingDate } from '../../core/api/contract.js';
import { formatLunarDate } from '../../core/calendar/format.js';
import { useLanguage } from '../i18n/index.js';
import { AccountLink } from './AccountLink.js';
import { yearsText } from './dates/yearsText.js';

export function UpcomingDateLine({ item, when }: { item: UpcomingDate; when?: string }) {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  const language = useLanguage();
  const { date } = item;
  const person = item.familyMemberName
    ? t('dates.familyOf', { name: item.familyMemberName, contact: item.contactName ?? '' })
    : item.contactName;
  const kind = date.kind === 'custom' && date.label ? date.label : tCommon(`enum.dateKind.${date.kind}`);
  const years = item.years === null || item.years <= 0 ? null : yearsText(t, date.kind, item.years);

  return (
    <Space wrap size={6}>
      {when && <Typography.Text strong>{when}</Typography.Text>}
      <span>{person ? `${person} · ${kind}` : kind}</span>
      {years && <Tag color="gold">{years}</Tag>}
      {date.calendar === 'lunar' && <Tag>{formatLunarDate(date, language)}</Tag>}
      <AccountLink id={date.accountId}>{item.accountName}</AccountLink>
    </Space>
  );
}
