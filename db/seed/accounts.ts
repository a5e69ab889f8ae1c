import { subDays } from 'date-fns';
import type { AccountStatus, Tier } from '../../core/model/enums.js';
import { searchKeysFor } from '../../core/text/pinyin.js';
import { syncedFields, type BookContext } from './context.js';
import { paretoTiers } from './tiers.js';
import {
  BRAND_WORDS,
  CITIES,
  CITY_IN_ENGLISH,
  FOREIGN_BRANDS,
  INDUSTRIES,
  LEGAL_FORMS,
  NATIONAL_GROUPS,
  STREETS,
} from './vocabulary.js';
import type { AccountRow } from './write.js';

const STATUS_WEIGHTS: Record<AccountStatus, number> = { active: 76, prospect: 7, at_risk: 7, lapsed: 6, won_back: 4 };
const ACCOUNT_PREFERENCES = ['偏好上午拜访', '重视交期', '价格敏感', '决策流程长，需提前准备材料', '喜欢面谈，不喜欢电话', 'Prefers email summaries'];
const CUSTOM_CADENCES = [7, 21, 45, 60];
const REVENUE_MEDIAN_CNY = 300_000;
/** With σ ≈ 1.68 the top 20% of a log-normal hold 80% of the total: the 80/20 rule. */
const REVENUE_SIGMA = 1.68;

/** Whether the next visit should be on the schedule, late on purpose, or long gone. */
export type VisitPattern = 'on_track' | 'overdue' | 'lapsed' | 'won_back' | 'prospect';

export interface AccountPlan {
  row: AccountRow;
  pattern: VisitPattern;
  /** English-speaking contacts are likelier at foreign companies */
  foreign: boolean;
  /** email domain for the account's people */
  domain: string;
}

interface CompanyName {
  name: string;
  industry: string;
  foreign: boolean;
}

function companyName(ctx: BookContext, city: string): CompanyName {
  const { rng } = ctx;
  const shape = rng.weighted({ domestic: 78, branch: 9, foreign: 13 });
  if (shape === 'branch') {
    const group = rng.pick(NATIONAL_GROUPS);
    return { name: `${group.name}${city}分公司`, industry: group.industry, foreign: false };
  }
  if (shape === 'foreign') {
    const brand = rng.pick(FOREIGN_BRANDS);
    const suffix = rng.chance(0.5) ? '' : ' Co., Ltd.';
    return { name: `${brand.name} (${CITY_IN_ENGLISH[city] ?? city})${suffix}`, industry: brand.industry, foreign: true };
  }
  const sector = rng.pick(INDUSTRIES);
  // Half carry their city (上海云栖软件科技有限公司), half a regional or fancy brand (华东精密机械有限公司).
  const place = rng.chance(0.5) ? city : '';
  const name = `${place}${rng.pick(BRAND_WORDS)}${rng.pick(sector.lines)}${rng.pick(LEGAL_FORMS)}`;
  return { name, industry: sector.industry, foreign: false };
}

function uniqueCompanyName(ctx: BookContext, city: string, taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt += 1) {
    const candidate = companyName(ctx, city);
    // After a few clashes, tell twins apart the way real registries do: by plant number.
    const name = attempt < 8 ? candidate.name : `${candidate.name}（${attempt - 6}厂）`;
    if (!taken.has(name)) {
      taken.add(name);
      return { ...candidate, name };
    }
  }
}

function patternFor(ctx: BookContext, status: AccountStatus): VisitPattern {
  if (status === 'prospect' || status === 'lapsed' || status === 'won_back') return status;
  // Some active accounts are left overdue on purpose, so Today has something to nag about.
  return status === 'at_risk' || ctx.rng.chance(0.12) ? 'overdue' : 'on_track';
}

/** A manual override moves a tier one step, the way a rep who knows better would. */
function overridden(ctx: BookContext, tier: Tier): Tier {
  if (tier === 'B') return ctx.rng.chance(0.5) ? 'A' : 'C';
  return 'B';
}

/** One rep's book: accounts with revenue drawn from a heavy tail and tiers by the 80/20 rule. */
export function planAccounts(ctx: BookContext, count: number): AccountPlan[] {
  const { rng } = ctx;
  const taken = new Set<string>();
  const revenueScores = rng.stratifiedNormals(count);
  const drafts = revenueScores.map((score) => {
    const place = rng.pick(CITIES);
    const company = uniqueCompanyName(ctx, place.city, taken);
    const status = rng.weighted(STATUS_WEIGHTS);
    // Log-normal: heavy-tailed like real customer revenue.
    const revenue = status === 'prospect' ? null : Math.round(REVENUE_MEDIAN_CNY * Math.exp(REVENUE_SIGMA * score));
    return { place, company, status, revenue };
  });
  const tiers = paretoTiers(drafts.map((d) => d.revenue ?? 0));

  return drafts.map(({ place, company, status, revenue }, index) => {
    const suggested = tiers[index]!;
    const manual = revenue === null || rng.chance(0.05);
    const tier = revenue === null ? 'C' : manual ? overridden(ctx, suggested) : suggested;
    const keyWeight = { A: 1, B: 0.4, C: 0.12 }[tier];
    const yearsKnown = status === 'prospect' ? 0 : rng.int(1, 8);
    const createdAt = subDays(ctx.today, yearsKnown * 365 + rng.int(20, 300));
    const keys = searchKeysFor(company.name);
    const row: AccountRow = {
      ...syncedFields(ctx, createdAt),
      name: company.name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      tier,
      tier_source: manual ? 'manual' : 'suggested',
      status,
      industry: company.industry,
      city: place.city,
      address: `${place.city}市${rng.pick(place.districts)}${rng.pick(STREETS)}${rng.int(1, 999)}号`,
      long_term_contract: rng.chance(0.6 * keyWeight) ? 1 : 0,
      strategic: rng.chance(0.3 * keyWeight) ? 1 : 0,
      annual_revenue: revenue,
      cadence_days: rng.chance(0.03) ? rng.pick(CUSTOM_CADENCES) : null,
      interests: rng.chance(0.4) ? rng.sample(ACCOUNT_PREFERENCES, rng.int(1, 2)).join('；') : null,
      notes: null,
    };
    const domain = `${keys.initials.slice(0, 8) || 'company'}${index}.example.cn`;
    return { row, pattern: patternFor(ctx, status), foreign: company.foreign, domain };
  });
}
