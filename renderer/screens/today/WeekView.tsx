/** The planned visits of the seven days from today, day by day. */
import { useTranslation } from 'react-i18next';
import { Card, Empty, Flex, Space, Typography } from 'antd';
import { format } from 'date-fns';
import { addDays, dayOfInstant } from '../../../core/calendar/index.js';
import { useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { dateOfDay } from '../../components/dates/useDateText.js';
import { useDateFnsLocale } from '../../i18n/index.js';

const WEEK_DAYS = 7;

export function WeekView({ today }: { today: string }) {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  const locale = useDateFnsLocale();
  const visits = useQuery((api) => api['visits.upcoming']({ from: dateOfDay(today).toISOString(), days: WEEK_DAYS }), [today]);
  const days = Array.from({ length: WEEK_DAYS }, (_, offset) => addDays(today, offset));
  const onDay = (day: string) => (visits.data ?? []).filter((v) => v.plannedAt !== null && dayOfInstant(v.plannedAt) === day);

  return (
    <Card size="small" loading={visits.loading && !visits.data} title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('week.title')}</Typography.Title>}>
      {visits.data && visits.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('week.none')} />
      ) : (
        <Flex vertical gap={6}>
          {days.map((day) => {
            const planned = onDay(day);
            if (planned.length === 0) return null;
            return (
              <div key={day}>
                <Typography.Text strong>{format(dateOfDay(day), t('week.dayFormat'), { locale })}</Typography.Text>
                <ul style={{ listStyle: 'none', margin: '2px 0 0', padding: 0 }}>
                  {planned.map((visit) => (
                    <li key={visit.id}>
                      <Space size={6} wrap>
                        <Typography.Text>{format(new Date(visit.plannedAt!), 'HH:mm', { locale })}</Typography.Text>
                        <TierTag tier={visit.tier} />
                        <AccountLink id={visit.accountId}>{visit.accountName}</AccountLink>
                        <Typography.Text type="secondary">{tCommon(`enum.visitKind.${visit.kind}`)}</Typography.Text>
                      </Space>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
