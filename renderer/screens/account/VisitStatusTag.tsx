import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from '../../../core/model/enums.js';

const STATUS_COLORS: Record<VisitStatus, string> = { planned: 'blue', done: 'green', cancelled: 'default' };

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation('common');
  return <Tag color={STATUS_COLORS[status]}>{t(`enum.visitStatus.${status}`)}</Tag>;
}
