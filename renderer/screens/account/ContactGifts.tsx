/**
 * What a contact (and their family) has been given, newest first: the gift, for what occasion, when —
 * so the rep does not give the same thing twice. From the greetings marked with a gift.
 */
import { useTranslation } from 'react-i18next';
import { Space, Tag, Typography } from 'antd';
import type { AccountDetail } from '../../../core/api/contract.js';
import type { Greeting } from '../../../core/model/reminders.js';
import { useQuery } from '../../api/useQuery.js';
import { useDateText } from '../../components/dates/useDateText.js';

const SHOWN = 5;

export function ContactGifts({ detail, contactId }: { detail: AccountDetail; contactId: string }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  const greetings = useQuery((api) => api['greetings.list']({ accountId: detail.account.id }), [detail.account.id]);
  const gifts = (greetings.data ?? []).filter((greeting): greeting is Greeting & { gift: string } => greeting.contactId === contactId && greeting.gift !== null);
  if (gifts.length === 0) return null;

  const occasion = (greeting: Greeting) => {
    if (greeting.festivalId) return t(`festival:${greeting.festivalId}`);
    const date = detail.dates.find((row) => row.id === greeting.dateId);
    return date ? (date.label ?? tCommon(`enum.dateKind.${date.kind}`)) : null;
  };
  const forWhom = (greeting: Greeting) => (greeting.familyMemberId ? (detail.family.find((member) => member.id === greeting.familyMemberId)?.name ?? null) : null);

  return (
    <div style={{ marginBlock: 4 }}>
      <Typography.Text type="secondary">{t('contacts.gifts')}</Typography.Text>
      <ul aria-label={t('contacts.gifts')} style={{ listStyle: 'none', margin: '2px 0 0', padding: 0 }}>
        {gifts.slice(0, SHOWN).map((greeting) => (
          <li key={greeting.id}>
            <Space size={6} wrap>
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {greeting.gift}
              </Tag>
              <Typography.Text type="secondary">{[forWhom(greeting), occasion(greeting), dates.day(greeting.occurrenceDay)].filter(Boolean).join(' · ')}</Typography.Text>
            </Space>
          </li>
        ))}
      </ul>
    </div>
  );
}
