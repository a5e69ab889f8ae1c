import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../core/model/enums.js';

/** Colours hint at urgency; the translated word carries the meaning. */
const STATUS_COLORS: Record<AccountStatus, string | undefined> = {
  prospect: 'purple',
  active: 'green',
  at_risk: 'orange',
  lapsed: undefined,
  won_back: 'cyan',
};

export function StatusTag({ status }: { status: AccountStatus }) {
  const { t } = useTranslation('common');
  return <Tag color={STATUS_COLORS[status]}>{t(`enum.accountStatus.${status}`)}</Tag>;
}
