/**
 * Plain-data inputs and outputs of the Today agenda. No prose: the renderer translates kinds, actions
 * and ids (`agenda.kind.<kind>`, `festival.<id>`, `enum.dateKind.<kind>` …).
 */
import type { CalendarDay } from '../calendar/day.js';
import type { FestivalId } from '../calendar/festivals.js';
import type { CadenceGap, CadencePolicy, CadenceStatus } from '../cadence/index.js';
import type { AccountStatus, DateKind, FamilyRelation, GreetingChannel, Tier, VisitKind } from '../model/enums.js';
import type { ImportantDate, YearlyDate } from '../model/schemas.js';

// ---------- input ----------

/** A non-archived account with what the rules need to know about its history. */
export interface AgendaAccount {
  id: string;
  name: string;
  tier: Tier;
  status: AccountStatus;
  /** per-account ideal cadence (days), null for the tier's */
  cadenceDays: number | null;
  /** most recent completed contact of a kind that counts toward cadence */
  lastCountedContactDay: CalendarDay | null;
  /** that contact's kind */
  lastCountedContactKind: VisitKind | null;
  /** a completed contact after it, of a kind that does not count (a phone call, say); null if none */
  lastUncountedContact: AgendaContactEvent | null;
  /** most recent completed visit (any kind) or order, for lapse and win-back */
  lastActivityDay: CalendarDay | null;
}

/** A completed contact: its day and kind. */
export interface AgendaContactEvent {
  day: CalendarDay;
  kind: VisitKind;
}

export interface AgendaContact {
  id: string;
  accountId: string;
  name: string;
  isKey: boolean;
}

export interface AgendaFamilyMember {
  id: string;
  name: string;
  /** how the member is related to their contact (spouse, child …) */
  relation: FamilyRelation;
}

export type AgendaDate = Pick<ImportantDate, 'id' | 'accountId' | 'contactId' | 'familyMemberId' | 'kind' | 'leadDays' | 'label'> & YearlyDate;

export interface AgendaPlannedVisit {
  id: string;
  accountId: string;
  kind: VisitKind;
  /** instant (ISO 8601) */
  plannedAt: string;
  /** the calendar day `plannedAt` falls on in the user's time zone (the caller knows the zone) */
  plannedDay: CalendarDay;
}

export interface AgendaComplaint {
  id: string;
  accountId: string;
  contactId: string | null;
  severity: string;
  /** instant (ISO 8601) the complaint was received */
  openedAt: string;
  /** instant of the first response; null while the customer is still waiting */
  firstRespondedAt: string | null;
  /** hours allowed for the first response; null for the default */
  targetHours: number | null;
  resolved: boolean;
  /** instant of the complaint's last change (a second reply, say): the follow-up of a replied complaint counts from it */
  updatedAt?: string;
}

export interface AgendaSnooze {
  key: string;
  /** the item is hidden before this day and shows again on it */
  untilDay: CalendarDay;
}

/** A reminder marked done: how the contact was greeted and what was given. */
export interface AgendaGreeting {
  key: string;
  day: CalendarDay;
  channel: GreetingChannel;
  gift: string | null;
}

export interface AgendaInput {
  accounts: readonly AgendaAccount[];
  contacts: readonly AgendaContact[];
  familyMembers?: readonly AgendaFamilyMember[];
  dates: readonly AgendaDate[];
  /** planned (not done, not cancelled) visits; ones after today keep revisit reminders quiet */
  plannedVisits: readonly AgendaPlannedVisit[];
  complaints: readonly AgendaComplaint[];
  snoozes: readonly AgendaSnooze[];
  greetings: readonly AgendaGreeting[];
}

export interface AgendaOptions {
  /** the current instant, for complaint response targets */
  now: Date;
  cadence: CadencePolicy;
  /** first-response target for complaints without their own */
  complaintTargetHours: number;
  /** days after a reply by which a replied, unresolved complaint is followed up again */
  complaintFollowUpDays: number;
  /** lead days for a date without its own, by kind */
  leadDaysByKind: Partial<Record<DateKind, number>>;
  /** lead days for a date with neither its own nor its kind's */
  defaultLeadDays: number;
  /** festivals in use */
  festivalIds: readonly FestivalId[];
  festivalLeadDays: number;
  /** contacts who get festival greetings; null = key contacts of A-tier accounts */
  festivalContactIds: readonly string[] | null;
}

// ---------- output ----------

export const AGENDA_ITEM_KINDS = [
  'complaint_breached',
  'complaint_open',
  'complaint_follow_up',
  'planned_visit',
  'revisit_overdue',
  'revisit_due',
  'important_date',
  'festival',
  'win_back',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const AGENDA_ACTIONS = ['respond_complaint', 'resolve_complaint', 'log_visit', 'plan_visit', 'mark_greeted', 'snooze', 'open_account'] as const;
export type AgendaAction = (typeof AGENDA_ACTIONS)[number];

interface AgendaItemBase {
  kind: AgendaItemKind;
  /** stable identity for snoozes, greetings and notification de-duplication (see keys.ts) */
  key: string;
  accountId: string;
  accountName: string;
  tier: Tier;
  contactId: string | null;
  contactName: string | null;
  /** the day the item is about: the date's or festival's occurrence, the visit's day, the revisit's due day; else today */
  occurrenceDay: CalendarDay;
  /** occurrenceDay − today */
  daysUntil: number;
  /** days past the deadline (revisits: past the maximum gap; complaints: whole days past target); 0 if not late */
  daysOverdue: number;
  actions: readonly AgendaAction[];
}

export interface ComplaintItem extends AgendaItemBase {
  /** breached / open: awaiting a first reply; follow_up: replied, not yet resolved (a reply is not a resolution) */
  kind: 'complaint_breached' | 'complaint_open' | 'complaint_follow_up';
  complaintId: string;
  severity: string;
  openedAt: string;
  /** instant the first response is due */
  respondBy: string;
  /** minutes from `respondBy` to now: positive once breached, negative while time is left */
  minutesPastTarget: number;
  /** instant of the first reply; null while the customer is still waiting */
  respondedAt: string | null;
  /** instant the next follow-up of a replied complaint is due (its last change + the follow-up days); null before a reply */
  followUpBy: string | null;
}

export interface PlannedVisitItem extends AgendaItemBase {
  kind: 'planned_visit';
  visitId: string;
  visitKind: VisitKind;
  plannedAt: string;
}

export interface RevisitItem extends AgendaItemBase {
  kind: 'revisit_overdue' | 'revisit_due';
  cadence: CadenceStatus;
  /** the ideal and maximum gap that apply (tier's or the account's own) */
  gap: CadenceGap;
  /** whether the gap is the account's own rather than its tier's */
  ownCadence: boolean;
  /** the contact the cadence counts from; null when never contacted */
  lastCounted: AgendaContactEvent | null;
  /** a later contact that did not count (its kind is not among the counting kinds) */
  lastUncounted: AgendaContactEvent | null;
}

export interface ImportantDateItem extends AgendaItemBase {
  kind: 'important_date';
  dateId: string;
  dateKind: DateKind;
  label: string | null;
  familyMemberId: string | null;
  familyMemberName: string | null;
  /** the family member's relation to `contactName`, whose family they are */
  familyMemberRelation: FamilyRelation | null;
  source: YearlyDate;
  /** years since the known year at this occurrence (age, anniversary number), null if unknown */
  years: number | null;
  milestone: boolean;
  /** how this date was greeted the previous time, so nothing repeats */
  lastGreeting: AgendaGreeting | null;
}

export interface FestivalItem extends AgendaItemBase {
  kind: 'festival';
  festivalId: FestivalId;
  traditional: boolean;
  lastGreeting: AgendaGreeting | null;
}

export interface WinBackItem extends AgendaItemBase {
  kind: 'win_back';
  lastActivityDay: CalendarDay | null;
}

export type AgendaItem = ComplaintItem | PlannedVisitItem | RevisitItem | ImportantDateItem | FestivalItem | WinBackItem;

export interface AgendaDay {
  day: CalendarDay;
  items: AgendaItem[];
  /** due or overdue accounts left out because a visit is planned from that day on */
  plannedAhead: { overdue: number; due: number };
}
