/**
 * The month at a glance: planned visits, important dates and festivals on their days.
 * antd's Calendar runs on date-fns (the app's one date library) instead of its default dayjs.
 */
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Calendar as AntCalendar, Flex, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dateFnsGenerateConfig from '@rc-component/picker/generate/dateFns';
import { addDays as addDateDays, addMonths, format, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { ApiOutputs, UpcomingDate } from '../../../core/api/contract.js';
import { festivalsBetween, type Festival } from '../../../core/calendar/index.js';
import { formatLunarDate } from '../../../core/calendar/format.js';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../components/navigation.js';
import { dayOfDate } from '../../components/dates/useDateText.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';

const Calendar = AntCalendar.generateCalendar<Date>(dateFnsGenerateConfig);

/** The month grid always shows six weeks. */
const GRID_DAYS = 42;
/** Lines that fit in a day cell; the rest are summarised as "+N" (the account pages hold the detail). */
const LINES_PER_DAY = 3;

/** Days of the neighbouring months are real, clickable days: antd greys them to a contrast below WCAG AA. */
const OUT_OF_MONTH_READABLE = { '--ant-color-text-disabled': 'rgba(0, 0, 0, 0.55)' } as CSSProperties;

type PlannedVisit = ApiOutputs['visits.upcoming'][number];

interface DayEntries {
  visits: PlannedVisit[];
  dates: UpcomingDate[];
  festivals: Festival[];
}

function groupByDay<T>(items: T[], dayOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const day = dayOf(item);
    map.set(day, [...(map.get(day) ?? []), item]);
  }
  return map;
}

export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const locale = useDateFnsLocale();
  const [month, setMonth] = useState(() => startOfMonth(new Date()));
  const gridStart = startOfWeek(month, { locale });
  const from = dayOfDate(gridStart);
  const to = dayOfDate(addDateDays(gridStart, GRID_DAYS - 1));

  const visits = useQuery((api) => api['visits.upcoming']({ from: startOfDay(gridStart).toISOString(), days: GRID_DAYS }), [from]);
  const dates = useQuery((api) => api['dates.upcoming']({ from, days: GRID_DAYS }), [from]);
  const visitsByDay = groupByDay(visits.data ?? [], (v) => dayOfDate(new Date(v.plannedAt ?? v.doneAt ?? v.createdAt)));
  const datesByDay = groupByDay(dates.data ?? [], (d) => d.occurrence);
  const festivalsByDay = groupByDay(festivalsBetween(from, to), (f) => f.day);

  const entriesOf = (day: string): DayEntries => ({
    visits: visitsByDay.get(day) ?? [],
    dates: datesByDay.get(day) ?? [],
    festivals: festivalsByDay.get(day) ?? [],
  });

  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={1} id="calendar-title" style={{ fontSize: 20, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Calendar
        value={month}
        style={OUT_OF_MONTH_READABLE}
        onPanelChange={(date) => setMonth(startOfMonth(date))}
        onChange={(date) => setMonth(startOfMonth(date))}
        // antd's own header has unlabelled year/month selects; this one is labelled and keyboard friendly.
        headerRender={({ value, onChange }) => (
          <Flex align="center" gap={8} style={{ padding: '8px 0' }}>
            <Button aria-label={t('previousMonth')} icon={<LeftOutlined />} onClick={() => onChange(addMonths(value, -1))} />
            <Button aria-label={t('nextMonth')} icon={<RightOutlined />} onClick={() => onChange(addMonths(value, 1))} />
            <Button onClick={() => onChange(new Date())}>{t('thisMonth')}</Button>
            <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 0 8px' }} aria-live="polite">
              {format(value, t('monthFormat'), { locale })}
            </Typography.Title>
          </Flex>
        )}
        // Day cells clip (showing "+N") rather than scroll: a scrolling cell cannot be reached by keyboard.
        styles={{ itemContent: { overflow: 'hidden' } }}
        cellRender={(date, info) => (info.type === 'date' ? <DayCell entries={entriesOf(dayOfDate(date))} /> : info.originNode)}
      />
    </section>
  );
}

function DayCell({ entries }: { entries: DayEntries }) {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation('common');
  const language = useLanguage();
  const locale = useDateFnsLocale();
  const { navigate } = useNavigation();
  if (!entries.visits.length && !entries.dates.length && !entries.festivals.length) return null;

  const open = (accountId: string) => () => navigate({ name: 'account', id: accountId });
  const line = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 12 } as const;

  const lines = [
    ...entries.festivals.map((f) => (
      <li key={f.id} style={{ ...line, color: '#a8071a' }}>{t(`festival:${f.id}`)}</li>
    )),
    ...entries.visits.map((v) => (
      <li key={v.id}>
        <Tooltip title={`${tCommon(`enum.visitKind.${v.kind}`)} · ${v.accountName}`}>
          <Typography.Link style={line} onClick={open(v.accountId)}>
            [{v.tier}] {v.plannedAt ? format(new Date(v.plannedAt), 'HH:mm', { locale }) : ''} {v.accountName}
          </Typography.Link>
        </Tooltip>
      </li>
    )),
    ...entries.dates.map((d) => {
      const who = d.familyMemberName ?? d.contactName ?? d.accountName;
      const kind = d.date.kind === 'custom' && d.date.label ? d.date.label : tCommon(`enum.dateKind.${d.date.kind}`);
      const lunar = d.date.calendar === 'lunar' ? ` · ${formatLunarDate(d.date, language)}` : '';
      return (
        <li key={`${d.date.id}:${d.occurrence}`}>
          <Tooltip title={`${who} · ${kind}${lunar} · ${d.accountName}`}>
            <Typography.Link style={{ ...line, color: '#874d00' }} onClick={open(d.date.accountId)}>
              {t('dateEntry', { who, kind })}
            </Typography.Link>
          </Tooltip>
        </li>
      );
    }),
  ];
  const hidden = lines.length - LINES_PER_DAY;

  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {hidden > 0 ? lines.slice(0, LINES_PER_DAY - 1) : lines}
      {hidden > 0 && (
        <li style={line}>
          <Typography.Text type="secondary">{t('more', { count: hidden + 1 })}</Typography.Text>
        </li>
      )}
    </ul>
  );
}
