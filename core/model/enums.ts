/** Closed vocabularies of the domain. Stored as these strings; labels come from i18n (`enum.<name>.<value>`). */
export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_SOURCES = ['manual', 'suggested'] as const;
export type TierSource = (typeof TIER_SOURCES)[number];

export const ACCOUNT_STATUSES = ['prospect', 'active', 'at_risk', 'lapsed', 'won_back'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const CONTACT_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const FAMILY_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

export const DATE_KINDS = [
  'birthday',
  'wedding_anniversary',
  'founding_day',
  'contract_anniversary',
  'first_deal_anniversary',
  'custom',
] as const;
export type DateKind = (typeof DATE_KINDS)[number];

export const CALENDARS = ['gregorian', 'lunar'] as const;

/** How a contact was greeted (a reminder marked done). */
export const GREETING_CHANNELS = ['call', 'wechat', 'visit', 'gift', 'message', 'other'] as const;
export type GreetingChannel = (typeof GREETING_CHANNELS)[number];
export type CalendarKind = (typeof CALENDARS)[number];

export const VISIT_KINDS = ['routine', 'complaint_follow_up', 'executive', 'delivery', 'training', 'survey'] as const;
/** Contacts other than on-site visits; logged like a visit, and counted toward cadence if the user chooses. */
export const ACTIVITY_KINDS = ['phone_call', 'meeting'] as const;
/** Everything the visits table stores: on-site visits plus remote activities. */
export const CONTACT_KINDS = [...VISIT_KINDS, ...ACTIVITY_KINDS] as const;
export type VisitKind = (typeof CONTACT_KINDS)[number];

export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ACCOUNT_SORTS = ['name', 'tier', 'lastVisit'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
