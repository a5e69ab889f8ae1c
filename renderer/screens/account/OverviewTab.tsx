import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { AccountDetail, TimelineItem } from '../../../core/api/contract.js';
import type { Greeting } from '../../../core/model/reminders.js';
import { useDateText } from '../../components/dates/useDateText.js';
import { useMoney } from '../../components/useMoney.js';
import { DateLine, useDateOwner } from './DateList.js';
import { NoteText } from './NoteText.js';
import { ShowMore, useShownCount } from './ShowMore.js';
import { VisitStatusTag } from './VisitStatusTag.js';

/** Newest first, whatever order the service used. */
export function newestFirst(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const COMING_UP = 5;
const HISTORY_PAGE = 30;

/**
 * The history (visits and notes, newest first) and the few dates coming up soonest. Dates sit at their
 * next occurrence, so mixed into the history they would bury the last visit under a year of birthdays;
 * every date is still listed on the Contacts tab.
 */
export function splitTimeline(items: readonly TimelineItem[]): { comingUp: TimelineItem[]; history: TimelineItem[] } {
  const dates = items.filter((item) => item.type === 'date').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { comingUp: dates.slice(0, COMING_UP), history: newestFirst(items.filter((item) => item.type !== 'date')) };
}

const TYPE_COLORS: Record<TimelineItem['type'], string> = { visit: 'blue', note: 'gray', date: 'red', greeting: 'gold' };

export function OverviewTab({ detail, timeline }: { detail: AccountDetail; timeline: readonly TimelineItem[] }) {
  const { t } = useTranslation('account');
  const { account } = detail;
  const money = useMoney();
  const { comingUp, history } = splitTimeline(timeline);
  const { shown, more } = useShownCount(HISTORY_PAGE);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('overview.industry')}>{account.industry ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('overview.address')}>{account.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('overview.cadence')}>
            {account.cadenceDays === null ? t('overview.cadenceByTier') : t('overview.cadenceDays', { count: account.cadenceDays })}
          </Descriptions.Item>
          {account.annualRevenue !== null && <Descriptions.Item label={t('overview.revenue')}>{money.format(account.annualRevenue, { whole: Number.isInteger(account.annualRevenue) })}</Descriptions.Item>}
          {account.interests && (
            <Descriptions.Item label={t('overview.interests')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{account.interests}</span>
            </Descriptions.Item>
          )}
          {account.notes && (
            <Descriptions.Item label={t('overview.notes')} span={3}>
              <NoteText body={account.notes} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {comingUp.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('overview.comingUp')}</Typography.Title>}>
          <Timeline items={comingUp.map((item) => ({ key: `${item.type}-${timelineKey(item)}`, color: TYPE_COLORS[item.type], content: <TimelineEntry item={item} detail={detail} /> }))} />
        </Card>
      )}
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('tabs.timeline')}
      </Typography.Title>
      {history.length === 0 ? (
        <Empty description={t('overview.emptyTimeline')} />
      ) : (
        <Timeline items={history.slice(0, shown).map((item) => ({ key: `${item.type}-${timelineKey(item)}`, color: TYPE_COLORS[item.type], content: <TimelineEntry item={item} detail={detail} /> }))} />
      )}
      <ShowMore shown={shown} total={history.length} onMore={more} />
    </Space>
  );
}

function timelineKey(item: TimelineItem): string {
  if (item.type === 'visit') return item.visit.id;
  if (item.type === 'note') return item.note.id;
  if (item.type === 'greeting') return item.greeting.id;
  return item.date.id;
}

function TimelineEntry({ item, detail }: { item: TimelineItem; detail: AccountDetail }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  const ownerOf = useDateOwner(detail);
  const when = <Typography.Text type="secondary">{dates.instant(item.at)}</Typography.Text>;
  switch (item.type) {
    case 'visit': {
      const { visit } = item;
      return (
        <div>
          <Space size={6} wrap>
            {when}
            <Tag>{tCommon(`enum.visitKind.${visit.kind}`)}</Tag>
            <VisitStatusTag status={visit.status} />
            {visit.purpose && <Typography.Text>{visit.purpose}</Typography.Text>}
          </Space>
          {visit.outcome && <NoteText body={visit.outcome} />}
          {visit.nextStep && <Typography.Text type="secondary">{t('visits.nextStepValue', { step: visit.nextStep })}</Typography.Text>}
        </div>
      );
    }
    case 'note':
      return (
        <div>
          <Space size={6}>
            {when}
            <Tag>{t('timeline.note')}</Tag>
          </Space>
          <NoteText body={item.note.body} />
        </div>
      );
    case 'date':
      return <DateLine date={item.date} owner={ownerOf(item.date)} />;
    case 'greeting':
      return <GreetingEntry greeting={item.greeting} detail={detail} when={when} />;
  }
}

/** A greeting marked done: when, whom, for what (the festival or the date), how, and the gift given. */
function GreetingEntry({ greeting, detail, when }: { greeting: Greeting; detail: AccountDetail; when: ReactNode }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const { t: tReminders } = useTranslation('reminders');
  const member = greeting.familyMemberId ? detail.family.find((row) => row.id === greeting.familyMemberId) : undefined;
  const person = member?.name ?? detail.contacts.find((contact) => contact.id === greeting.contactId)?.name ?? null;
  const date = greeting.dateId ? detail.dates.find((row) => row.id === greeting.dateId) : undefined;
  const occasion = greeting.festivalId ? t(`festival:${greeting.festivalId}`) : date ? (date.label ?? tCommon(`enum.dateKind.${date.kind}`)) : null;
  return (
    <div>
      <Space size={6} wrap>
        {when}
        <Tag color="gold">{t('timeline.greeting')}</Tag>
        <Typography.Text>{[person, occasion, tReminders(`channel.${greeting.channel}`)].filter(Boolean).join(' · ')}</Typography.Text>
        {greeting.gift && <Typography.Text strong>{t('timeline.gift', { gift: greeting.gift })}</Typography.Text>}
      </Space>
      {greeting.note && <NoteText body={greeting.note} />}
    </div>
  );
}
