/**
 * Today, for now: planned visits today and this week, important dates and festivals in the next 14 days.
 * (The ranked agenda with cadence, complaints and win-back arrives with the reminders work.)
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Empty, Flex, Space, Typography } from 'antd';
import { differenceInCalendarDays, format, formatDistanceStrict, startOfDay } from 'date-fns';
import type { ApiOutputs } from '../../../core/api/contract.js';
import { addDays, festivalsBetween, todayIn } from '../../../core/calendar/index.js';
import { useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { UpcomingDateLine } from '../../components/UpcomingDateLine.js';
import { dateOfDay } from '../../components/dates/useDateText.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { GettingStarted } from '../accounts/GettingStarted.js';
import { AccountForm } from '../accounts/AccountForm.js';

const VISIT_DAYS = 7;
const DATE_DAYS = 14;

type PlannedVisit = ApiOutputs['visits.upcoming'][number];

export function TodayPage() {
  const { t } = useTranslation('today');
  const locale = useDateFnsLocale();
  const [creating, setCreating] = useState(false);
  const today = todayIn();
  const visits = useQuery((api) => api['visits.upcoming']({ from: startOfDay(new Date()).toISOString(), days: VISIT_DAYS }), [today]);
  const dates = useQuery((api) => api['dates.upcoming']({ from: today, days: DATE_DAYS }), [today]);
  const anyAccount = useQuery((api) => api['accounts.list']({ limit: 1 }), []);
  const festivals = festivalsBetween(today, addDays(today, DATE_DAYS - 1));

  /** "Today", "Tomorrow", or "in 5 days", then the day itself. */
  const whenText = (day: string) => {
    const distance = differenceInCalendarDays(dateOfDay(day), dateOfDay(today));
    const relative = distance === 0 ? t('when.today') : distance === 1 ? t('when.tomorrow') : formatDistanceStrict(dateOfDay(day), dateOfDay(today), { unit: 'day', addSuffix: true, locale });
    return `${relative} · ${format(dateOfDay(day), 'EEE PP', { locale })}`;
  };

  if (anyAccount.data && anyAccount.data.total === 0) {
    return (
      <section aria-labelledby="today-title">
        <TodayTitle />
        <GettingStarted onCreate={() => setCreating(true)} />
        {creating && <AccountForm open onClose={() => setCreating(false)} />}
      </section>
    );
  }

  const planned = visits.data ?? [];
  const isToday = (v: PlannedVisit) => v.plannedAt !== null && todayIn(undefined, new Date(v.plannedAt)) === today;
  const todays = planned.filter(isToday);
  const later = planned.filter((v) => !isToday(v));

  return (
    <section aria-labelledby="today-title">
      <TodayTitle />
      <Flex vertical gap={16} style={{ maxWidth: 900 }}>
        <Section title={t('visits.today')} loading={visits.loading && !visits.data} empty={t('visits.noneToday')}>
          {todays.map((v) => <VisitLine key={v.id} visit={v} when={format(new Date(v.plannedAt!), 'HH:mm', { locale })} />)}
        </Section>
        <Section title={t('visits.week')} loading={visits.loading && !visits.data} empty={t('visits.noneThisWeek')}>
          {later.map((v) => <VisitLine key={v.id} visit={v} when={format(new Date(v.plannedAt!), 'EEE PP HH:mm', { locale })} />)}
        </Section>
        <Section title={t('dates.title', { days: DATE_DAYS })} loading={dates.loading && !dates.data} empty={t('dates.none')}>
          {(dates.data ?? []).map((d) => <UpcomingDateLine key={`${d.date.id}:${d.occurrence}`} item={d} when={whenText(d.occurrence)} />)}
        </Section>
        <Section title={t('festivals.title')} loading={false} empty={t('festivals.none')}>
          {festivals.map((f) => (
            <Space key={f.id}>
              <Typography.Text strong>{whenText(f.day)}</Typography.Text>
              <span>{t(`festival:${f.id}`)}</span>
            </Space>
          ))}
        </Section>
      </Flex>
    </section>
  );
}

function TodayTitle() {
  const { t } = useTranslation('today');
  const locale = useDateFnsLocale();
  return (
    <Typography.Title level={1} id="today-title" style={{ fontSize: 20, marginTop: 0 }}>
      {t('title')} <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>{format(new Date(), 'PPPP', { locale })}</Typography.Text>
    </Typography.Title>
  );
}

function Section({ title, loading, empty, children }: { title: string; loading: boolean; empty: string; children: ReactNode[] }) {
  return (
    <Card size="small" loading={loading} title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>}>
      {children.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
          {children.map((child, i) => <li key={i}>{child}</li>)}
        </ul>
      )}
    </Card>
  );
}

function VisitLine({ visit, when }: { visit: PlannedVisit; when: string }) {
  const { t: tCommon } = useTranslation('common');
  return (
    <Space wrap size={6}>
      <Typography.Text strong>{when}</Typography.Text>
      <TierTag tier={visit.tier} />
      <AccountLink id={visit.accountId}>{visit.accountName}</AccountLink>
      <Typography.Text type="secondary">{tCommon(`enum.visitKind.${visit.kind}`)}</Typography.Text>
      {visit.purpose && <span>· {visit.purpose}</span>}
    </Space>
  );
}
