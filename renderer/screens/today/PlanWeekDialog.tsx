/**
 * "Plan my week": the service proposes due and overdue accounts by tier priority, each day kept to one
 * city/district; the rep ticks what to keep, picks times and accepts them into the schedule in one go.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Checkbox, Empty, Flex, Modal, Select, Skeleton, Space, Typography } from 'antd';
import { format } from 'date-fns';
import type { WeekPlanCandidate } from '../../../core/agenda/weekPlan.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { TierTag } from '../../components/TierTag.js';
import { dateOfDay } from '../../components/dates/useDateText.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { useErrorText } from '../../i18n/errors.js';
import { planWeekWindow } from './planWeekWindow.js';

const TIME_SLOTS = ['09:00', '10:30', '14:00', '15:30', '17:00'] as const;
const VISITS_PER_DAY = 4;

interface Choice {
  day: string;
  time: string;
  chosen: boolean;
}

/** The instant of a local day and `HH:MM`, as the ISO string `plan.acceptWeek` takes. */
function plannedAtOf(day: string, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const at = dateOfDay(day);
  at.setHours(hours ?? 9, minutes ?? 0);
  return at.toISOString();
}

/** Accounts of one day in runs of the same city and district (the proposal already orders them so). */
function byArea(accounts: readonly WeekPlanCandidate[]): Array<{ area: string; accounts: WeekPlanCandidate[] }> {
  const runs: Array<{ area: string; accounts: WeekPlanCandidate[] }> = [];
  for (const account of accounts) {
    const area = [account.city, account.district].filter(Boolean).join(' · ');
    const last = runs[runs.length - 1];
    if (last && last.area === area) last.accounts.push(account);
    else runs.push({ area, accounts: [account] });
  }
  return runs;
}

export function PlanWeekDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation('today');
  const locale = useDateFnsLocale();
  const errorText = useErrorText();
  const mutate = useMutation();
  const span = planWeekWindow(today);
  const proposal = useQuery((api) => api['plan.proposeWeek']({ ...span, perDay: VISITS_PER_DAY }), [today]);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [saving, setSaving] = useState(false);

  // Every proposed visit starts ticked, at the next free slot of its day. Only the first answer seeds the
  // choices: the proposal reloads after accepting, and the rep's ticks must not jump meanwhile.
  useEffect(() => {
    if (!proposal.data) return;
    setChoices((current) =>
      Object.keys(current).length > 0
        ? current
        : Object.fromEntries(
            proposal.data!.days.flatMap(({ day, accounts }) =>
              accounts.map((account, index) => [account.accountId, { day, time: TIME_SLOTS[index % TIME_SLOTS.length]!, chosen: true }]),
            ),
          ),
    );
  }, [proposal.data]);

  const update = (accountId: string, change: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [accountId]: { ...current[accountId]!, ...change } }));
  const chosen = Object.entries(choices).filter(([, choice]) => choice.chosen);

  const accept = async () => {
    setSaving(true);
    try {
      await mutate((api) => api['plan.acceptWeek']({ visits: chosen.map(([accountId, choice]) => ({ accountId, plannedAt: plannedAtOf(choice.day, choice.time) })) }));
      onClose();
    } catch {
      // shown by useMutation; the dialog stays open to try again
    } finally {
      setSaving(false);
    }
  };

  const days = proposal.data?.days.filter((d) => d.accounts.length > 0) ?? [];
  return (
    <Modal
      open
      title={t('planWeek.title')}
      width={720}
      onCancel={onClose}
      onOk={() => void accept()}
      okText={t('planWeek.accept', { count: chosen.length })}
      okButtonProps={{ disabled: chosen.length === 0, loading: saving }}
      cancelText={t('planWeek.cancel')}
    >
      {proposal.error ? <Alert type="error" showIcon title={errorText(proposal.error)} /> : null}
      {!proposal.data && !proposal.error && <Skeleton active />}
      {proposal.data && days.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planWeek.nothing')} />}
      <Flex vertical gap={12}>
        {days.map(({ day, accounts }) => (
          <section key={day} aria-label={format(dateOfDay(day), 'EEEE PP', { locale })}>
            <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
              {format(dateOfDay(day), 'EEEE PP', { locale })}
            </Typography.Title>
            {byArea(accounts).map(({ area, accounts: inArea }) => (
              <Flex key={area} vertical gap={4} style={{ marginInlineStart: 8, marginBottom: 6 }}>
                <Typography.Text type="secondary">{area || t('planWeek.noArea')}</Typography.Text>
                {inArea.map((account) => {
                  const choice = choices[account.accountId];
                  if (!choice) return null;
                  return (
                    <Space key={account.accountId} size={8}>
                      <Checkbox checked={choice.chosen} onChange={(e) => update(account.accountId, { chosen: e.target.checked })}>
                        <Space size={6}>
                          <TierTag tier={account.tier} />
                          {account.accountName}
                          <Typography.Text type="secondary">
                            {account.cadence.state === 'overdue' ? t('item.overdue', { count: account.cadence.daysOverdue }) : t('kind.revisit_due')}
                          </Typography.Text>
                        </Space>
                      </Checkbox>
                      <Select
                        size="small"
                        aria-label={t('planWeek.timeFor', { name: account.accountName })}
                        value={choice.time}
                        disabled={!choice.chosen}
                        onChange={(time) => update(account.accountId, { time })}
                        options={TIME_SLOTS.map((slot) => ({ value: slot, label: slot }))}
                        style={{ width: 90 }}
                      />
                    </Space>
                  );
                })}
              </Flex>
            ))}
          </section>
        ))}
        {proposal.data && proposal.data.unplaced.length > 0 && <Typography.Text type="secondary">{t('planWeek.unplaced', { count: proposal.data.unplaced.length })}</Typography.Text>}
      </Flex>
    </Modal>
  );
}
