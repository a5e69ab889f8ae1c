import type { ContactRole } from '../../core/model/enums.js';
import { searchKeysFor } from '../../core/text/pinyin.js';
import { syncedFields, type BookContext } from './context.js';
import type { AccountPlan } from './accounts.js';
import { ADULT_LEAP_YEARS, CHILD_LEAP_YEARS, lunarDayOf, rareLunarDays, type LunarDay } from './lunar.js';
import {
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  FAMILY_GIVEN_NAMES,
  GIVEN_NAME_CHARS,
  INTERESTS,
  MOBILE_PREFIXES,
  SURNAMES,
  TITLES,
} from './vocabulary.js';
import type { ContactRow, FamilyMemberRow, ImportantDateRow } from './write.js';

export interface People {
  contacts: ContactRow[];
  family: FamilyMemberRow[];
  dates: ImportantDateRow[];
}

type DateOwner = Pick<ImportantDateRow, 'account_id' | 'contact_id' | 'family_member_id'>;
type YearRange = { from: number; to: number };

const CONTACTS_PER_TIER = { A: [5, 9], B: [4, 6], C: [3, 5] } as const;
/** Share of birthdays kept in the lunar calendar, by generation: parents mostly, children rarely. */
const LUNAR_SHARE = { adult: 0.35, parent: 0.7, child: 0.1 } as const;
const CUSTOM_LABELS = ['入职纪念日', '公司乔迁日', '首次见面', 'Company IPO day'];

function chineseName(ctx: BookContext, surname = ctx.rng.pick(SURNAMES)): string {
  const given = ctx.rng.chance(0.3) ? ctx.rng.pick(GIVEN_NAME_CHARS) : ctx.rng.sample(GIVEN_NAME_CHARS, 2).join('');
  return surname + given;
}

function mobile(ctx: BookContext): string {
  return `${ctx.rng.pick(MOBILE_PREFIXES)}${String(ctx.rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

function randomDayIn(ctx: BookContext, years: YearRange): Date {
  const start = Date.UTC(years.from, 0, 1);
  const end = Date.UTC(years.to + 1, 0, 1);
  return new Date(start + Math.floor(ctx.rng.next() * ((end - start) / 86_400_000)) * 86_400_000);
}

/** The first lunar dates of a book take the showcase cases; later ones are ordinary days or, now and then, rare ones. */
function lunarDay(ctx: BookContext, years: YearRange, child: boolean): LunarDay {
  const rareYears = (child ? CHILD_LEAP_YEARS : ADULT_LEAP_YEARS).filter((y) => y >= years.from && y <= years.to);
  const showcase = rareYears.length > 0 ? ctx.showcases.lunar.shift() : undefined;
  const rare = showcase ?? (rareYears.length > 0 && ctx.rng.chance(0.06) ? (ctx.rng.chance(0.5) ? 'leap' : 'dayThirty') : undefined);
  if (rare) {
    const pool = rareLunarDays(rareYears);
    return ctx.rng.pick(rare === 'leap' ? pool.inLeapMonth : pool.onDayThirty);
  }
  return lunarDayOf(randomDayIn(ctx, years).toISOString().slice(0, 10));
}

function yearlyDate(
  ctx: BookContext,
  owner: DateOwner,
  kind: string,
  years: YearRange,
  lunarShare: number,
  child = false,
): ImportantDateRow {
  const base = { ...syncedFields(ctx, createdNearNow(ctx)), ...owner, kind, label: null, lead_days: null };
  if (ctx.rng.chance(lunarShare)) {
    const lunar = lunarDay(ctx, years, child);
    return { ...base, calendar: 'lunar', month: lunar.month, day: lunar.day, is_leap_month: lunar.isLeapMonth ? 1 : 0, year: lunar.year };
  }
  if (!ctx.showcases.leapDay && kind === 'birthday' && years.from <= 1988 && years.to >= 1988) {
    ctx.showcases.leapDay = true;
    return { ...base, calendar: 'gregorian', month: 2, day: 29, is_leap_month: 0, year: 1988 };
  }
  const day = randomDayIn(ctx, years);
  return { ...base, calendar: 'gregorian', month: day.getUTCMonth() + 1, day: day.getUTCDate(), is_leap_month: 0, year: day.getUTCFullYear() };
}

/** Dates were entered some time in the last few years; the exact instant only shapes the id. */
function createdNearNow(ctx: BookContext): Date {
  return new Date(ctx.now.getTime() - ctx.rng.int(30, 1000) * 86_400_000);
}

function contactRow(ctx: BookContext, plan: AccountPlan, index: number): ContactRow {
  const { rng } = ctx;
  const english = rng.chance(plan.foreign ? 0.4 : 0.03);
  const first = rng.pick(ENGLISH_FIRST_NAMES);
  const last = rng.pick(ENGLISH_LAST_NAMES);
  const name = english ? `${first} ${last}` : chineseName(ctx);
  // The first person is the one who signs; the rest spread over the buying roles.
  const job = index === 0 ? rng.pick(TITLES.filter((t) => t.role === 'decision_maker')) : rng.pick(TITLES);
  const keys = searchKeysFor(name);
  const createdAt = new Date(Date.parse(plan.row.created_at) + rng.int(0, 400) * 86_400_000);
  return {
    ...syncedFields(ctx, createdAt < ctx.now ? createdAt : ctx.now),
    account_id: plan.row.id,
    name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    title: job.title,
    role: job.role satisfies ContactRole,
    phone: mobile(ctx),
    email: rng.chance(0.7) ? `${english ? `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') : keys.pinyin}@${plan.domain}` : null,
    wechat: rng.chance(0.8) ? (rng.chance(0.5) ? `wxid_${rng.hex(10)}` : `${keys.pinyin.slice(0, 12)}${rng.int(10, 9999)}`) : null,
    interests: rng.chance(0.6) ? rng.sample(INTERESTS, rng.int(1, 3)).join('、') : null,
    is_key: index === 0 || rng.chance(0.2) ? 1 : 0,
  };
}

function familyMember(ctx: BookContext, contact: ContactRow, relation: FamilyMemberRow['relation']): FamilyMemberRow {
  const surname = contact.name.match(/^[\u4e00-\u9fff]/) ? contact.name.slice(0, 1) : null;
  const name =
    relation === 'spouse'
      ? chineseName(ctx)
      : relation === 'child' && surname
        ? surname + ctx.rng.pick(FAMILY_GIVEN_NAMES)
        : surname
          ? chineseName(ctx, surname)
          : ctx.rng.pick(ENGLISH_FIRST_NAMES);
  return { ...syncedFields(ctx, new Date(Date.parse(contact.created_at))), contact_id: contact.id, name, relation, notes: null };
}

/** Contacts of one account with their families and every yearly date worth a greeting. */
export function generatePeople(ctx: BookContext, plan: AccountPlan): People {
  const { rng } = ctx;
  const account = plan.row;
  const people: People = { contacts: [], family: [], dates: [] };
  const forAccount: DateOwner = { account_id: account.id, contact_id: null, family_member_id: null };
  const thisYear = ctx.today.getFullYear();

  if (rng.chance(0.55)) people.dates.push(yearlyDate(ctx, forAccount, 'founding_day', { from: 1985, to: thisYear - 3 }, 0));
  if (account.long_term_contract) {
    people.dates.push(yearlyDate(ctx, forAccount, 'contract_anniversary', { from: thisYear - 6, to: thisYear - 1 }, 0));
  }
  if (account.status !== 'prospect' && rng.chance(0.5)) {
    const since = new Date(account.created_at).getFullYear();
    people.dates.push(yearlyDate(ctx, forAccount, 'first_deal_anniversary', { from: since, to: Math.max(since, thisYear - 1) }, 0));
  }
  if (rng.chance(0.03)) people.dates.push({ ...yearlyDate(ctx, forAccount, 'custom', { from: 2010, to: thisYear - 1 }, 0), label: rng.pick(CUSTOM_LABELS) });

  const [fewest, most] = CONTACTS_PER_TIER[account.tier];
  const count = rng.int(fewest, most);
  for (let index = 0; index < count; index += 1) {
    const contact = contactRow(ctx, plan, index);
    people.contacts.push(contact);
    const forContact: DateOwner = { ...forAccount, contact_id: contact.id };
    if (rng.chance(0.9)) people.dates.push(yearlyDate(ctx, forContact, 'birthday', { from: 1958, to: 1996 }, LUNAR_SHARE.adult));

    const relatives: Array<[FamilyMemberRow['relation'], YearRange, number]> = [];
    if (rng.chance(0.35)) relatives.push(['spouse', { from: 1958, to: 1996 }, LUNAR_SHARE.adult]);
    if (rng.chance(0.25)) relatives.push(['child', { from: 1988, to: 2021 }, LUNAR_SHARE.child]);
    if (rng.chance(0.08)) relatives.push(['parent', { from: 1932, to: 1962 }, LUNAR_SHARE.parent]);
    for (const [relation, born, lunarShare] of relatives) {
      const member = familyMember(ctx, contact, relation);
      people.family.push(member);
      if (rng.chance(0.85)) {
        people.dates.push(yearlyDate(ctx, { ...forContact, family_member_id: member.id }, 'birthday', born, lunarShare, relation === 'child'));
      }
      if (relation === 'spouse' && rng.chance(0.8)) {
        people.dates.push(yearlyDate(ctx, forContact, 'wedding_anniversary', { from: 1982, to: 2020 }, 0.15));
      }
    }
  }
  return people;
}
