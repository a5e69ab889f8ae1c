/**
 * The month at a glance: planned visits, important dates and festivals on their days.
 * antd's Calendar runs on date-fns (the app's one date library) instead of its default dayjs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar as AntCalendar, Tooltip, Typography } from 'antd';
import dateFnsGenerateConfig from '@rc-component/picker/generate/dateFns';
import { addDays as addDateDays, format, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { ApiOutputs, UpcomingDate } from '../../../core/api/contract.js';
import { festivalsBetween, type Festival } from '../../../core/calendar/index.js';
import { formatLunarDate } from '../../../core/calendar/format.js';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../app/navigation.js';
import { dayOfDate } from '../../components/dates/useDateText.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';

const Calendar = AntCalendar.generateCalendar<Date>(dateFnsGenerateConfig);

/** The month grid always shows six weeks. */
const GRID_DAYS = 42;

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
        {t('title')} <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>{format(month, 'LLLL yyyy', { locale })}</Typography.Text>
      </Typography.Title>
      <Calendar
        value={month}
        onPanelChange={(date) => setMonth(startOfMonth(date))}
        onChange={(date) => setMonth(startOfMonth(date))}
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

  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.festivals.map((f) => (
        <li key={f.id} style={{ ...line, color: '#a8071a' }}>{t(`festival:${f.id}`)}</li>
      ))}
      {entries.visits.map((v) => (
        <li key={v.id}>
          <Tooltip title={`${tCommon(`enum.visitKind.${v.kind}`)} · ${v.accountName}`}>
            <Typography.Link style={line} onClick={open(v.accountId)}>
              [{v.tier}] {v.plannedAt ? format(new Date(v.plannedAt), 'HH:mm', { locale }) : ''} {v.accountName}
            </Typography.Link>
          </Tooltip>
        </li>
      ))}
      {entries.dates.map((d) => {
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
      })}
    </ul>
  );
}
