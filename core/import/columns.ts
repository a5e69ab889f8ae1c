/**
 * Column mapping for imports: which source column feeds which field. A mapping is a plain JSON
 * object (source header → target field, or null to ignore the column) so it can be saved to a file
 * and reused for the next export from the same CRM. `detectMapping` proposes one from the headers
 * people and CRMs actually write (English, Chinese, Salesforce and HubSpot exports, and the visit
 * log this app exports).
 */
import { z } from 'zod';

export const TARGET_FIELDS = [
  'accountName',
  'accountExternalId',
  'city',
  'tier',
  'industry',
  'address',
  'annualRevenue',
  'contactName',
  'firstName',
  'lastName',
  'contactExternalId',
  'title',
  'phone',
  'email',
  'wechat',
  'birthday',
  'lunarBirthday',
  'anniversary',
  'visitKind',
  'visitDoneAt',
  'visitOutcome',
  'visitNextStep',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** source header → target field; `null` = the column is deliberately ignored */
export type ColumnMapping = Record<string, TargetField | null>;

export const ColumnMappingSchema = z.record(
  // The file's own headers, matched rather than kept as text: a stray control character in one must
  // not make a file whose rows are fine impossible to import (its cells are checked, core/import/rows.ts).
  z.string(),
  z.enum(TARGET_FIELDS, { message: 'import.mapping.unknownField' }).nullable(),
);

/** What a file holds, decided by the fields it maps: a visit log, a contact list or an account list. */
export type ImportKind = 'accounts' | 'contacts' | 'visits';

export function importKindOf(mapping: ColumnMapping): ImportKind {
  const targets = new Set(Object.values(mapping));
  if (targets.has('visitDoneAt')) return 'visits';
  if (targets.has('contactName') || targets.has('firstName') || targets.has('lastName')) return 'contacts';
  return 'accounts';
}

/** Lower case, without spaces, underscores, dashes, dots, brackets or colons: "Account_Name:" → "accountname". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：()（）[\]*]/g, '');
}

/**
 * The money unit a header names: 年销售额(万元), 销售额（万元）, Revenue (k) → 10 000, 1 000 …; 1 when none.
 * Cells of that column are amounts in the unit (a cell that names its own unit, "¥12.5万", keeps it).
 */
const HEADER_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?:亿元|亿)$/, 1e8],
  [/(?:万元|万)$/, 1e4],
  [/千元$/, 1e3],
  [/(?:元|rmb|cny|¥|￥)$/, 1],
];

function splitUnit(key: string): { key: string; multiplier: number } {
  for (const [pattern, multiplier] of HEADER_UNITS) {
    const match = pattern.exec(key);
    if (match && match.index > 0) return { key: key.slice(0, match.index), multiplier };
  }
  return { key, multiplier: 1 };
}

/** How much one unit of this header's amounts is worth in yuan: 10 000 for 年销售额(万元), else 1. */
export function headerMultiplier(header: string): number {
  return splitUnit(normaliseHeader(header)).multiplier;
}

/** Headers written in normalised form. Record ids are resolved separately (see `detectMapping`). */
const SYNONYMS: Record<Exclude<TargetField, 'accountExternalId' | 'contactExternalId'>, readonly string[]> = {
  accountName: ['accountname', 'account', 'company', 'companyname', 'associatedcompany', 'customer', 'customername', '客户名称', '客户', '公司名称', '公司', '单位名称', '企业名称'],
  city: ['city', 'billingcity', 'shippingcity', 'mailingcity', '城市', '所在城市'],
  tier: ['tier', 'accounttier', 'customertier', 'abc', 'abcclass', '客户等级', '等级', '客户级别', '级别', '客户分类'],
  industry: ['industry', '行业', '所属行业'],
  address: ['address', 'billingstreet', 'streetaddress', '地址', '详细地址'],
  annualRevenue: ['revenue', 'annualrevenue', 'annualsales', '年营业额', '年销售额', '营业额', '销售额', '年收入'],
  contactName: ['contact', 'contactname', 'fullname', '联系人', '联系人姓名', '姓名'],
  firstName: ['firstname', 'givenname', '名'],
  lastName: ['lastname', 'surname', 'familyname', '姓'],
  title: ['title', 'jobtitle', 'position', '职务', '职位', '头衔'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilephonenumber', 'tel', 'telephone', '电话', '手机', '手机号', '手机号码', '联系电话', '电话号码'],
  email: ['email', 'emailaddress', 'e-mail', '邮箱', '电子邮件', '电子邮箱'],
  wechat: ['wechat', 'wechatid', 'weixin', '微信', '微信号'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', '生日', '出生日期'],
  lunarBirthday: ['lunarbirthday', '农历生日', '阴历生日'],
  anniversary: ['anniversary', 'weddinganniversary', '结婚纪念日', '纪念日'],
  visitKind: ['kind', 'visitkind', 'visittype', '类型', '拜访类型'],
  visitDoneAt: ['doneat', 'visitdate', 'visitedat', '完成时间', '拜访日期', '拜访时间'],
  visitOutcome: ['outcome', 'result', '结果', '拜访结果'],
  visitNextStep: ['nextstep', '下一步'],
};

const ACCOUNT_ID_HEADERS = new Set(['accountid', 'companyid', 'externalid', 'customerid', '客户编号', '客户编码', '客户id', '外部编号']);
/** CRM record ids: the account's in a company export, the contact's in a contact export. */
const RECORD_ID_HEADERS = new Set(['recordid', 'id']);
const CONTACT_ID_HEADERS = new Set(['contactid', '联系人编号', '联系人id']);

const TARGET_BY_HEADER = new Map<string, TargetField>(
  Object.entries(SYNONYMS).flatMap(([field, headers]) => headers.map((header) => [normaliseHeader(header), field as TargetField] as const)),
);

/** The field a header names by itself (record ids aside), or undefined; "年销售额(万元)" names the revenue. */
function targetOfHeader(header: string): TargetField | undefined {
  const key = normaliseHeader(header);
  if (ACCOUNT_ID_HEADERS.has(key)) return 'accountExternalId';
  if (CONTACT_ID_HEADERS.has(key)) return 'contactExternalId';
  const direct = TARGET_BY_HEADER.get(key);
  if (direct !== undefined) return direct;
  const { key: withoutUnit, multiplier } = splitUnit(key);
  const target = withoutUnit === key ? undefined : TARGET_BY_HEADER.get(withoutUnit);
  return target === 'annualRevenue' || (target !== undefined && multiplier === 1) ? target : undefined;
}

/** Whether the text is a header Rounds knows (any field's name, a record id): finds the header row of a sheet. */
export function isKnownHeader(text: string): boolean {
  const key = normaliseHeader(text);
  return key !== '' && (targetOfHeader(text) !== undefined || RECORD_ID_HEADERS.has(key));
}

/**
 * A proposed mapping for these headers. Every header gets an entry (null when nothing matched), each
 * target is used at most once (the first column wins), and a bare "Record ID" belongs to the contact
 * in a contact list (HubSpot contacts) but to the account in a company list.
 */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<TargetField>();
  const take = (header: string, target: TargetField | undefined) => {
    if (target === undefined || used.has(target) || header in mapping) return;
    mapping[header] = target;
    used.add(target);
  };
  for (const header of headers) take(header, targetOfHeader(header));
  const recordIdTarget: TargetField = importKindOf(mapping) === 'contacts' ? 'contactExternalId' : 'accountExternalId';
  for (const header of headers) {
    if (RECORD_ID_HEADERS.has(normaliseHeader(header))) take(header, recordIdTarget);
  }
  for (const header of headers) if (!(header in mapping)) mapping[header] = null;
  return mapping;
}

export type MappingParse = { ok: true; mapping: ColumnMapping } | { ok: false; key: string; params: Record<string, string> };

/** A saved mapping (the parsed JSON of a `--mapping` file), checked against the target fields. */
export function parseMapping(json: unknown): MappingParse {
  const result = ColumnMappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  const issue = result.error.issues[0];
  const header = issue?.path[0];
  return { ok: false, key: 'import.mapping.invalid', params: { header: typeof header === 'string' ? header : '' } };
}

/** Headers a mapping names that the file does not have: a saved mapping for another file layout. */
export function missingHeaders(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const present = new Set(headers);
  return Object.keys(mapping).filter((header) => mapping[header] !== null && !present.has(header));
}
