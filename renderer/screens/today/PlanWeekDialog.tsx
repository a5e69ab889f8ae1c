/**
 * "Plan my week": this week or next, the service proposes visits for the accounts falling due, inside
 * the rep's working hours (Settings) and from now on, one city a day. The dialog says how many A-tier
 * accounts falling due the plan covers, shows each day's visits with their times (the rep unticks any
 * to drop), lists the due accounts left out and why, and plans the ticked ones in one go.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Collapse, Empty, Flex, Modal, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { format } from 'date-fns';
import type { NotPlaced, PlanWeek, ProposedVisit } from '../../../core/agenda/weekPlan.js';
import { clockOfMinute } from '../../../core/model/workingHours.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { TierTag } from '../../components/TierTag.js';
import { dateOfDay } from '../../components/dates/useDateText.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { useErrorText } from '../../i18n/errors.js';
import { workingHoursText } from '../settings/workingHoursText.js';

/** The instant of a local day and minute of the day, as the ISO string `plan.acceptWeek` takes. */
function plannedAtOf(day: string, minute: number): string {
  const at = dateOfDay(day);
  at.setHours(Math.floor(minute / 60), minute % 60, 0, 0);
  return at.toISOString();
}

export function PlanWeekDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('today');
  const { t: tSettings } = useTranslation('settings');
  const locale = useDateFnsLocale();
  const errorText = useErrorText();
  const mutate = useMutation();
  const [week, setWeek] = useState<PlanWeek>('this');
  const proposal = useQuery((api) => api['plan.proposeWeek']({ week }), [week]);
  /** accounts the rep unticked, per week */
  const [dropped, setDropped] = useState<Record<PlanWeek, ReadonlySet<string>>>({ this: new Set(), next: new Set() });
  const [saving, setSaving] = useState(false);

  const plan = proposal.data?.week === week ? proposal.data : undefined;
  const droppedNow = dropped[week];
  const proposed = plan?.days.flatMap((day) => day.visits) ?? [];
  const kept = proposed.filter((visit) => !droppedNow.has(visit.account.accountId));
  const aDroppedCount = proposed.filter((visit) => visit.account.tier === 'A' && droppedNow.has(visit.account.accountId)).length;
  const toggle = (accountId: string, keep: boolean) =>
    setDropped((current) => {
      const next = new Set(current[week]);
      if (keep) next.delete(accountId);
      else next.add(accountId);
      return { ...current, [week]: next };
    });

  const accept = async () => {
    setSaving(true);
    try {
      await mutate((api) => api['plan.acceptWeek']({ visits: kept.map((visit) => ({ accountId: visit.account.accountId, plannedAt: plannedAtOf(visit.day, visit.start) })) }));
      onClose();
    } catch {
      // shown by useMutation; the dialog stays open to try again
    } finally {
      setSaving(false);
    }
  };

  const dayTitle = (day: string) => format(dateOfDay(day), t('planWeek.dayFormat'), { locale });
  const left = plan?.notPlaced.filter((entry) => entry.reason !== 'already_planned') ?? [];
  const scheduled = plan?.notPlaced.filter((entry) => entry.reason === 'already_planned') ?? [];
  const a = plan ? { due: plan.aTier.due, planned: plan.aTier.planned - aDroppedCount } : null;
  return (
    <Modal
      open
      title={t('planWeek.title')}
      width={760}
      onCancel={onClose}
      onOk={() => void accept()}
      okText={t('planWeek.accept', { count: kept.length })}
      okButtonProps={{ disabled: kept.length === 0, loading: saving }}
      cancelText={t('planWeek.cancel')}
      styles={{ body: { maxHeight: '62vh', overflowY: 'auto' } }}
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Segmented<PlanWeek>
            aria-label={t('planWeek.whichWeek')}
            value={week}
            onChange={setWeek}
            options={[
              { value: 'this', label: t('planWeek.thisWeek') },
              { value: 'next', label: t('planWeek.nextWeek') },
            ]}
          />
          {plan && (
            <Typography.Text type="secondary">
              {t('planWeek.span', { from: format(dateOfDay(plan.weekStart), t('planWeek.spanFormat'), { locale }), to: format(dateOfDay(plan.weekEnd), t('planWeek.spanFormat'), { locale }) })}
            </Typography.Text>
          )}
        </Flex>
        {proposal.error ? <Alert type="error" showIcon title={errorText(proposal.error)} /> : null}
        {!plan && !proposal.error && <Skeleton active />}
        {plan && a && (
          <>
            <Alert
              type={a.planned >= a.due ? 'success' : 'warning'}
              showIcon
              data-testid="a-tier-coverage"
              title={t('planWeek.aTier', { due: a.due, planned: a.planned })}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
              {t('planWeek.helpLine', {
                definition: t('planWeek.aTierHelp'),
                within: t('planWeek.within', { hours: workingHoursText(plan.hours, locale, tSettings), visit: plan.hours.visitMinutes, travel: plan.hours.travelMinutes }),
              })}
            </Typography.Paragraph>
          </>
        )}
        {plan && plan.week === 'this' && plan.days.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planWeek.weekOver')}>
            <Button type="primary" onClick={() => setWeek('next')}>
              {t('planWeek.planNext')}
            </Button>
          </Empty>
        ) : (
          plan && proposed.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planWeek.nothing')} />
        )}
        {plan?.days
          .filter((day) => day.visits.length > 0 || day.planned.length > 0)
          .map(({ day, cities, visits, planned }) => (
            <section key={day} aria-label={dayTitle(day)}>
              <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
                {dayTitle(day)} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>· {cities.join(t('planWeek.citySeparator'))}</Typography.Text>
              </Typography.Title>
              <ul style={{ listStyle: 'none', margin: 0, paddingInlineStart: 8, display: 'flex', flexDirection: 'column', gap: 2 }}>
                {[...visits.map((visit) => ({ start: visit.start, visit })), ...planned.map((other) => ({ start: other.start, other }))]
                  .sort((x, y) => x.start - y.start)
                  .map((row) =>
                    'visit' in row ? (
                      <li key={row.visit.account.accountId}>
                        <ProposedRow visit={row.visit} kept={!droppedNow.has(row.visit.account.accountId)} onChange={(keep) => toggle(row.visit.account.accountId, keep)} />
                      </li>
                    ) : (
                      <li key={`planned-${row.start}`} style={{ paddingInlineStart: 24 }}>
                        <Space size={8} wrap>
                          <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>{`${clockOfMinute(row.other.start)}–${clockOfMinute(row.other.end)}`}</Typography.Text>
                          <Typography.Text type="secondary">{row.other.accountName ?? ''}</Typography.Text>
                          <Tag bordered={false}>{t('planWeek.alreadyPlanned')}</Tag>
                        </Space>
                      </li>
                    ),
                  )}
              </ul>
            </section>
          ))}
        {left.length > 0 && (
          <section aria-label={t('planWeek.notPlacedTitle', { count: left.length })}>
            <Typography.Title level={3} style={{ fontSize: 14, margin: '4px 0' }}>
              {t('planWeek.notPlacedTitle', { count: left.length })}
            </Typography.Title>
            <NotPlacedList entries={left} />
          </section>
        )}
        {scheduled.length > 0 && (
          <Collapse
            size="small"
            ghost
            items={[{ key: 'scheduled', label: t('planWeek.scheduledTitle', { count: scheduled.length }), children: <NotPlacedList entries={scheduled} /> }]}
          />
        )}
      </Flex>
    </Modal>
  );
}

function ProposedRow({ visit, kept, onChange }: { visit: ProposedVisit; kept: boolean; onChange: (keep: boolean) => void }) {
  const { t } = useTranslation('today');
  const { account } = visit;
  const time = `${clockOfMinute(visit.start)}–${clockOfMinute(visit.end)}`;
  return (
    <Checkbox checked={kept} onChange={(event) => onChange(event.target.checked)} aria-label={t('planWeek.keep', { name: account.accountName, time })}>
      <Space size={8} wrap>
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{time}</Typography.Text>
        <TierTag tier={account.tier} />
        <Typography.Text delete={!kept}>{account.accountName}</Typography.Text>
        {account.district && <Typography.Text type="secondary">{account.district}</Typography.Text>}
        <Typography.Text type="secondary">
          {account.cadence.state === 'overdue'
            ? t('item.overdue', { count: account.cadence.daysOverdue })
            : account.cadence.state === 'never'
              ? t('planWeek.neverVisited')
              : t('kind.revisit_due')}
        </Typography.Text>
      </Space>
    </Checkbox>
  );
}

function NotPlacedList({ entries }: { entries: readonly NotPlaced[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {entries.map((entry) => (
        <li key={entry.account.accountId}>
          <NotPlacedRow entry={entry} />
        </li>
      ))}
    </ul>
  );
}

function NotPlacedRow({ entry }: { entry: NotPlaced }) {
  const { t } = useTranslation('today');
  const locale = useDateFnsLocale();
  const day = entry.day ? format(dateOfDay(entry.day), t('planWeek.dayFormat'), { locale }) : '';
  return (
    <Space size={8} wrap>
      <TierTag tier={entry.account.tier} />
      <span>{entry.account.accountName}</span>
      <Typography.Text type="secondary">{t(`planWeek.reason.${entry.reason}`, { day })}</Typography.Text>
    </Space>
  );
}
