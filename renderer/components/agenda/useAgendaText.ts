/**
 * What an agenda item is about, in the user's language: "Birthday · turns 60 · milestone",
 * "Lunar 8/15 → Sep 25", "12 days overdue", and how it was greeted last time.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { AgendaGreeting, AgendaItem, ImportantDateItem } from '../../../core/agenda/types.js';
import { dateOfDay, useDateText } from '../dates/useDateText.js';
import { yearsText } from '../dates/yearsText.js';
import { useDateFnsLocale } from '../../i18n/index.js';

export interface AgendaItemText {
  /** the item's kind and its particulars */
  what: string;
  /** the day it is about, when that matters ("Lunar 8/15 → Sep 25") */
  when: string | null;
  /** "Last year: WeChat + flowers" */
  lastGreeting: string | null;
}

export function useAgendaText(): (item: AgendaItem) => AgendaItemText {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  const { t: tReminders } = useTranslation('reminders');
  const { t: tComplaints } = useTranslation('complaints');
  const locale = useDateFnsLocale();
  const dates = useDateText();

  const shortDay = useCallback((day: string) => format(dateOfDay(day), t('item.dayFormat'), { locale }), [locale, t]);
  const time = useCallback((iso: string) => format(new Date(iso), 'HH:mm', { locale }), [locale]);

  const greetingText = useCallback(
    (greeting: AgendaGreeting | null) => {
      if (!greeting) return null;
      const channel = tReminders(`channel.${greeting.channel}`);
      return t('item.lastGreeting', { what: greeting.gift ? `${channel} + ${greeting.gift}` : channel });
    },
    [t, tReminders],
  );

  const dateParts = useCallback(
    (item: ImportantDateItem) => {
      const parts = [item.label ?? tCommon(`enum.dateKind.${item.dateKind}`)];
      if (item.familyMemberName) parts.push(t('item.familyOf', { name: item.familyMemberName }));
      if (item.years !== null) parts.push(yearsText(t, item.dateKind, item.years));
      if (item.milestone) parts.push(t('item.milestone'));
      return parts.join(' · ');
    },
    [t, tCommon],
  );

  return useCallback(
    (item: AgendaItem): AgendaItemText => {
      const kind = t(`kind.${item.kind}`);
      switch (item.kind) {
        case 'complaint_breached':
          return { what: `${kind} · ${tComplaints(`severity.${item.severity}`, { defaultValue: item.severity })} · ${t('item.pastTarget', { count: Math.max(1, Math.floor(item.minutesPastTarget / 60)) })}`, when: null, lastGreeting: null };
        case 'complaint_open':
          return { what: `${kind} · ${tComplaints(`severity.${item.severity}`, { defaultValue: item.severity })} · ${t('item.respondBy', { time: time(item.respondBy) })}`, when: null, lastGreeting: null };
        case 'planned_visit':
          return { what: `${time(item.plannedAt)} · ${tCommon(`enum.visitKind.${item.visitKind}`)}`, when: null, lastGreeting: null };
        case 'revisit_overdue':
          return { what: t('item.overdue', { count: item.daysOverdue }), when: lastContactText(item.cadence.daysSince), lastGreeting: null };
        case 'revisit_due':
          return { what: kind, when: lastContactText(item.cadence.daysSince), lastGreeting: null };
        case 'important_date':
          return { what: dateParts(item), when: `${dates.yearly({ ...item.source, year: null })} → ${shortDay(item.occurrenceDay)}`, lastGreeting: greetingText(item.lastGreeting) };
        case 'festival':
          return { what: t(`festival:${item.festivalId}`), when: shortDay(item.occurrenceDay), lastGreeting: greetingText(item.lastGreeting) };
        case 'win_back':
          return { what: kind, when: item.lastActivityDay ? t('item.lastActivity', { day: dates.day(item.lastActivityDay) }) : t('item.noActivity'), lastGreeting: null };
      }
      function lastContactText(daysSince: number | null) {
        return daysSince === null ? t('item.neverVisited') : t('item.lastVisit', { count: daysSince });
      }
    },
    [t, tCommon, tComplaints, time, dates, shortDay, dateParts, greetingText],
  );
}
