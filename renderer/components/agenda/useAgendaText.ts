/**
 * What an agenda item is about, in the user's language: whose it is ("孙丽文 (唐敏刚's spouse)"),
 * "Birthday · turns 60 · milestone", "Lunar 8/15 → Sep 25" (a Gregorian date just "Sep 25"),
 * "12 days overdue", why it is on the list (the cadence, the last contact that counted and one that
 * did not), and what was given or how it was greeted last time ("去年送：蛋糕").
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { AgendaContactEvent, AgendaGreeting, AgendaItem, ComplaintItem, ImportantDateItem, RevisitItem } from '../../../core/agenda/types.js';
import { addDays } from '../../../core/calendar/day.js';
import { dateOfDay, useDateText } from '../dates/useDateText.js';
import { yearsText } from '../dates/yearsText.js';
import { useDateFnsLocale } from '../../i18n/index.js';

export interface AgendaItemText {
  /** the person it is about: the contact, or a family member and whose family they are */
  who: string | null;
  /** the item's kind and its particulars */
  what: string;
  /** the day it is about, when that matters ("Lunar 8/15 → Sep 25") */
  when: string | null;
  /** "Last year: flowers" / "去年送：鲜花", or "Last time: WeChat" when nothing was given */
  lastGreeting: string | null;
  /** why the item is on the list, in a sentence */
  why: string | null;
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

  /** What was given last time ("Last year: cake" / "去年送：蛋糕"), else how the contact was greeted. */
  const greetingText = useCallback(
    (greeting: AgendaGreeting | null, onDay: string) => {
      if (!greeting) return null;
      if (greeting.gift) {
        const yearsAgo = Number(onDay.slice(0, 4)) - Number(greeting.day.slice(0, 4));
        return yearsAgo === 1 ? t('item.lastYearGift', { gift: greeting.gift }) : t('item.giftInYear', { gift: greeting.gift, year: greeting.day.slice(0, 4) });
      }
      return t('item.lastGreeting', { what: tReminders(`channel.${greeting.channel}`) });
    },
    [t, tReminders],
  );

  const dateParts = useCallback(
    (item: ImportantDateItem) => {
      const parts = [item.label ?? tCommon(`enum.dateKind.${item.dateKind}`)];
      // The years are the date's owner's: the family member's age when the date is theirs.
      if (item.years !== null && item.years > 0) parts.push(yearsText(t, item.dateKind, item.years));
      if (item.milestone) parts.push(t('item.milestone'));
      return parts.join(' · ');
    },
    [t, tCommon],
  );

  // A contact in an earlier year than the item's day says its year.
  const contactEvent = useCallback(
    (event: AgendaContactEvent, onDay: string) =>
      t('why.contact', { day: event.day.slice(0, 4) === onDay.slice(0, 4) ? shortDay(event.day) : dates.day(event.day), kind: tCommon(`enum.visitKind.${event.kind}`) }),
    [t, tCommon, shortDay, dates],
  );

  /** "A tier: ideally every 14 days, at most 21. Counted from the routine visit on Aug 19. The phone call on Sep 15 does not count (Settings › Reminders)." */
  const revisitWhy = useCallback(
    (item: RevisitItem) => {
      const today = addDays(item.occurrenceDay, -item.daysUntil);
      const parts = [
        t(item.ownCadence ? 'why.ownCadence' : 'why.tierCadence', { tier: item.tier, ideal: item.gap.ideal, maximum: item.gap.maximum }),
        item.lastCounted ? t('why.countedFrom', { contact: contactEvent(item.lastCounted, today) }) : t('why.neverCounted'),
      ];
      if (item.lastUncounted) parts.push(t('why.notCounted', { contact: contactEvent(item.lastUncounted, today) }));
      // Chinese sentences follow each other without a space, English ones after one.
      return parts.reduce((text, next) => t('why.then', { text, next }));
    },
    [t, contactEvent],
  );

  /** "Received Nov 22, 2026 17:30; first response due within 6 hours, by Nov 22, 2026 23:30 (until then it stays here)." */
  const complaintWhy = useCallback(
    (item: ComplaintItem) =>
      t('why.complaint', {
        received: dates.instant(item.openedAt),
        hours: Math.round((Date.parse(item.respondBy) - Date.parse(item.openedAt)) / 3_600_000),
        by: dates.instant(item.respondBy),
      }),
    [t, dates],
  );

  return useCallback(
    (item: AgendaItem): AgendaItemText => {
      const kind = t(`kind.${item.kind}`);
      const plain = { who: item.contactName, when: null, lastGreeting: null, why: null };
      switch (item.kind) {
        case 'complaint_breached':
          return { ...plain, why: complaintWhy(item), what: `${kind} · ${tComplaints(`severity.${item.severity}`, { defaultValue: item.severity })} · ${t('item.pastTarget', { count: Math.max(1, Math.floor(item.minutesPastTarget / 60)) })}` };
        case 'complaint_open':
          return { ...plain, why: complaintWhy(item), what: `${kind} · ${tComplaints(`severity.${item.severity}`, { defaultValue: item.severity })} · ${t('item.respondBy', { time: time(item.respondBy) })}` };
        case 'complaint_follow_up':
          return {
            ...plain,
            why: t('why.complaintReplied', { received: dates.instant(item.openedAt), replied: dates.instant(item.respondedAt ?? item.openedAt) }),
            what: `${kind} · ${tComplaints(`severity.${item.severity}`, { defaultValue: item.severity })} · ${t(Date.parse(item.followUpBy ?? '') < Date.now() ? 'item.followUpLate' : 'item.followUpBy', { at: dates.instant(item.followUpBy ?? item.openedAt) })}`,
          };
        case 'planned_visit':
          return { ...plain, what: `${time(item.plannedAt)} · ${tCommon(`enum.visitKind.${item.visitKind}`)}` };
        case 'revisit_overdue':
          return { ...plain, what: t('item.overdue', { count: item.daysOverdue }), when: lastContactText(item.cadence.daysSince), why: revisitWhy(item) };
        case 'revisit_due':
          return { ...plain, what: kind, when: lastContactText(item.cadence.daysSince), why: revisitWhy(item) };
        case 'important_date': {
          const who = item.familyMemberName
            ? t('item.familyMember', { name: item.familyMemberName, relation: tCommon(`enum.familyRelation.${item.familyMemberRelation ?? 'other'}`), contact: item.contactName ?? '' })
            : item.contactName;
          // A lunar date says which lunar day it is and where it falls this year; a Gregorian one needs saying once.
          const when = item.source.calendar === 'lunar' ? `${dates.yearly({ ...item.source, year: null })} → ${shortDay(item.occurrenceDay)}` : shortDay(item.occurrenceDay);
          return { ...plain, who, what: dateParts(item), when, lastGreeting: greetingText(item.lastGreeting, item.occurrenceDay) };
        }
        case 'festival':
          return { ...plain, what: t(`festival:${item.festivalId}`), when: shortDay(item.occurrenceDay), lastGreeting: greetingText(item.lastGreeting, item.occurrenceDay) };
        case 'win_back':
          return {
            ...plain,
            what: kind,
            when: item.lastActivityDay ? t('item.lastActivity', { day: dates.day(item.lastActivityDay) }) : t('item.noActivity'),
            why: t('why.winBack'),
          };
      }
      function lastContactText(daysSince: number | null) {
        return daysSince === null ? t('item.neverVisited') : t('item.lastVisit', { count: daysSince });
      }
    },
    [t, tCommon, tComplaints, time, dates, shortDay, dateParts, greetingText, revisitWhy, complaintWhy],
  );
}
