import { useTranslation } from 'react-i18next';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { AccountDetail } from '../../../core/api/contract.js';
import type { ImportantDate } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { NextOccurrence } from '../../components/dates/NextOccurrence.js';
import { useDateText } from '../../components/dates/useDateText.js';
import type { OpenDialog } from './AccountDialogs.js';
import { WriteControl } from '../../components/readOnly.js';

/**
 * Whose a date is, for lists that mix a company's and its people's dates: the contact, or the family
 * member with whose family they are ("孙丽文（唐敏刚的配偶）"); null for the company's own dates.
 */
export function useDateOwner(detail: Pick<AccountDetail, 'contacts' | 'family'>): (date: ImportantDate) => string | null {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  return (date) => {
    const contact = detail.contacts.find((row) => row.id === date.contactId);
    const member = date.familyMemberId === null ? undefined : detail.family.find((row) => row.id === date.familyMemberId);
    if (member) {
      const ofContact = detail.contacts.find((row) => row.id === member.contactId) ?? contact;
      return t('item.familyMember', { name: member.name, relation: tCommon(`enum.familyRelation.${member.relation}`), contact: ofContact?.name ?? '' });
    }
    return contact?.name ?? null;
  };
}

/** Describes a date in one line: "唐敏刚 · 生日 · 农历闰六月初一 · 下次：2025年7月25日（45 天后）" (`owner` when the list mixes people). */
export function DateLine({ date, owner }: { date: ImportantDate; owner?: string | null }) {
  const { t } = useTranslation('common');
  const dates = useDateText();
  return (
    <Space size={6} wrap>
      {owner && <Typography.Text strong>{owner}</Typography.Text>}
      <Tag color={date.calendar === 'lunar' ? 'magenta' : 'geekblue'}>{date.kind === 'custom' && date.label ? date.label : t(`enum.dateKind.${date.kind}`)}</Tag>
      <Typography.Text>{dates.yearly(date)}</Typography.Text>
      <NextOccurrence date={date} kind={date.kind} />
    </Space>
  );
}

/** A list of important dates, each editable and deletable. */
export function DateList({ dates, open }: { dates: readonly ImportantDate[]; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const mutate = useMutation();
  if (dates.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {dates.map((date) => (
        <li key={date.id} style={{ display: 'flex', alignItems: 'center', gap: 4, paddingBlock: 2 }}>
          <DateLine date={date} />
          <WriteControl>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('dates.edit')} title={t('dates.edit')} onClick={() => open({ type: 'date', owner: date, date })} />
            <Popconfirm
              title={t('dates.deleteConfirm')}
              okText={t('actions.delete')}
              cancelText={t('actions.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => mutate((api) => api['dates.delete']({ id: date.id }))}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('dates.delete')} title={t('dates.delete')} />
            </Popconfirm>
          </WriteControl>
        </li>
      ))}
    </ul>
  );
}
