/**
 * Today: the ranked agenda (complaints past target first, then today's visits, overdue and due
 * revisits, dates, festivals and win-back), each item actionable where it stands; the week's planned
 * visits; and "Plan my week". "Today" is the host's day, so the host's clock drives the whole page.
 * In a lead's app the agenda holds only the lead's own accounts (other reps' reminders are theirs to
 * act on, and every action on them would be refused: see `withoutAccounts` in db/service/agenda.ts),
 * so every item here stays actionable and the page needs no read-only rule of its own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined, ScheduleOutlined, RiseOutlined } from '@ant-design/icons';
import { format } from 'date-fns';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../components/navigation.js';
import { AgendaRow } from '../../components/agenda/AgendaRow.js';
import { groupAgenda, type AgendaGroup } from '../../components/agenda/groups.js';
import { useHostToday } from '../../components/agenda/useHostToday.js';
import { dateOfDay } from '../../components/dates/useDateText.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { useErrorText } from '../../i18n/errors.js';
import { AccountForm } from '../accounts/AccountForm.js';
import { GettingStarted } from '../accounts/GettingStarted.js';
import { PlanWeekDialog } from './PlanWeekDialog.js';
import { WeekView } from './WeekView.js';

export function TodayPage() {
  const { t } = useTranslation('today');
  const { navigate } = useNavigation();
  const errorText = useErrorText();
  const today = useHostToday();
  const [creating, setCreating] = useState(false);
  const [planning, setPlanning] = useState(false);
  const agenda = useQuery((api) => (today ? api['agenda.today']({ day: today }) : Promise.resolve(undefined)), [today]);
  const anyAccount = useQuery((api) => api['accounts.list']({ limit: 1 }), []);

  if (anyAccount.data && anyAccount.data.total === 0) {
    return (
      <section aria-labelledby="today-title">
        <TodayTitle today={today} />
        <GettingStarted onCreate={() => setCreating(true)} onImport={() => navigate({ name: 'import' })} />
        {creating && <AccountForm open onClose={() => setCreating(false)} />}
      </section>
    );
  }

  const groups = groupAgenda(agenda.data?.items ?? []);
  return (
    <section aria-labelledby="today-title" style={{ maxWidth: 960 }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <TodayTitle today={today} />
        <Space wrap>
          <Button icon={<ScheduleOutlined aria-hidden />} disabled={!today} onClick={() => setPlanning(true)}>
            {t('planWeek.open')}
          </Button>
          <Button icon={<RiseOutlined aria-hidden />} onClick={() => navigate({ name: 'tiers' })}>
            {t('tierReview')}
          </Button>
        </Space>
      </Flex>
      <Flex vertical gap={16}>
        {agenda.error ? <Alert type="error" showIcon title={errorText(agenda.error)} /> : null}
        {!agenda.data && !agenda.error && <Skeleton active />}
        {agenda.data && <DoneToday done={agenda.data.done} open={agenda.data.items.length} />}
        {agenda.data && groups.length === 0 && <Empty description={t('agenda.empty')} />}
        {today && groups.map(({ group, items }) => (
          <Card key={group} size="small" title={<GroupTitle group={group} count={items.length} />} styles={group === 'complaints' ? { header: { borderInlineStart: '4px solid #cf1322' } } : undefined}>
            <ul aria-label={t(`group.${group}`)} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((item) => (
                <li key={item.key} style={{ borderBlockEnd: '1px solid #f0f0f0' }}>
                  <AgendaRow item={item} today={today} />
                </li>
              ))}
            </ul>
            {(group === 'overdue' || group === 'due') && agenda.data && <PlannedAheadNote kind={group} count={agenda.data.plannedAhead[group]} />}
          </Card>
        ))}
        {agenda.data && (['overdue', 'due'] as const).map((kind) =>
          groups.some(({ group }) => group === kind) ? null : <PlannedAheadNote key={kind} kind={kind} count={agenda.data!.plannedAhead[kind]} />,
        )}
        {today && <WeekView today={today} />}
      </Flex>
      {planning && <PlanWeekDialog onClose={() => setPlanning(false)} />}
    </section>
  );
}

/**
 * "Done today: 3 of 25": done is what the rep finished today (visits completed, greetings marked,
 * complaints first answered); the total adds what the agenda still lists. The icon says so.
 */
function DoneToday({ done, open }: { done: number; open: number }) {
  const { t } = useTranslation('today');
  const what = t('doneWhat', { done, open, total: done + open });
  return (
    <Space size={6}>
      <Typography.Text type="secondary" data-testid="done-today">
        {t('done', { done, total: done + open })}
      </Typography.Text>
      <Tooltip title={what}>
        <QuestionCircleOutlined role="img" aria-label={what} tabIndex={0} style={{ color: 'rgba(0,0,0,0.45)' }} />
      </Tooltip>
    </Space>
  );
}

/** Accounts left out of 逾期 / 到期 because a visit is planned: Team still counts them, so Today says so. */
function PlannedAheadNote({ kind, count }: { kind: 'overdue' | 'due'; count: number }) {
  const { t } = useTranslation('today');
  if (count === 0) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
      {t(`plannedAhead.${kind}`, { count })}
    </Typography.Paragraph>
  );
}

function GroupTitle({ group, count }: { group: AgendaGroup; count: number }) {
  const { t } = useTranslation('today');
  return (
    <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }} type={group === 'complaints' ? 'danger' : undefined}>
      {t(`group.${group}`)} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>({count})</Typography.Text>
    </Typography.Title>
  );
}

function TodayTitle({ today }: { today: string | undefined }) {
  const { t } = useTranslation('today');
  const locale = useDateFnsLocale();
  return (
    <Typography.Title level={1} id="today-title" style={{ fontSize: 20, marginTop: 0 }}>
      {t('title')} {today && <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>{format(dateOfDay(today), t('common:format.weekday'), { locale })}</Typography.Text>}
    </Typography.Title>
  );
}
