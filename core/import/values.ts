/**
 * Cell values as spreadsheets hold them, read into the fields' types: text, tiers (A, A类, b级),
 * amounts (1,234,567 · ¥12.5万 · 3亿) and visit kinds (routine, 例行拜访, Routine).
 */
import { CONTACT_KINDS, type Tier, type VisitKind } from '../model/enums.js';

export type Cell = string | number | null;

/** A cell as trimmed text; null when empty. */
export function textOf(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell).trim();
  if (text === '') return null;
  // Our own CSV export writes `'=…` so spreadsheets do not run it as a formula; read back the text.
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

const TIER_TEXT = /^([abc])\s*(?:类|级|类客户|级客户|tier)?$/i;

export function tierOf(text: string): Tier | null {
  const match = TIER_TEXT.exec(text);
  return match ? (match[1]!.toUpperCase() as Tier) : null;
}

const AMOUNT_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8, k: 1e3, m: 1e6 };
const AMOUNT = /^[¥￥$]?\s*(-?[\d,]*\.?\d+)\s*(万|亿|k|m)?\s*(?:元|rmb|cny)?$/i;

/**
 * A number, or NaN when the text is not an amount. `multiplier` is the column's unit (10 000 under a
 * 年销售额(万元) header); a cell naming its own unit ("3亿") is read in that unit instead.
 */
export function amountOf(cell: Cell, multiplier = 1): number {
  if (typeof cell === 'number') return multiplier === 1 ? cell : toFen(cell * multiplier);
  const match = AMOUNT.exec((cell ?? '').normalize('NFKC').trim());
  if (!match) return NaN;
  const unit = match[2] ? AMOUNT_UNITS[match[2].toLowerCase()]! : multiplier;
  // 12.5 × 10 000 is 124999.99999999999 in floating point: money is kept to the fen.
  return toFen(Number(match[1]!.replaceAll(',', '')) * unit);
}

const toFen = (amount: number) => Math.round(amount * 100) / 100;

/** The words people and our exports use for each kind (zh-CN and English labels). */
const VISIT_KIND_WORDS: Record<VisitKind, readonly string[]> = {
  routine: ['例行拜访', '拜访', 'routine', 'routine visit', 'visit'],
  complaint_follow_up: ['投诉回访', 'complaint follow-up', 'complaint follow up'],
  executive: ['领导走访', 'executive', 'executive visit'],
  delivery: ['送货', 'delivery'],
  training: ['培训', 'training'],
  survey: ['满意度调查', 'survey', 'satisfaction survey'],
  phone_call: ['电话', 'phone call', 'call'],
  meeting: ['会议', 'meeting'],
};
const KIND_BY_WORD = new Map<string, VisitKind>(
  CONTACT_KINDS.flatMap((kind) => [[kind, kind] as const, ...VISIT_KIND_WORDS[kind].map((word) => [word, kind] as const)]),
);

export function visitKindOf(text: string): VisitKind | null {
  return KIND_BY_WORD.get(text.trim().toLowerCase()) ?? null;
}

const CJK = /^[\u3400-\u9fff]+$/;

/** 张 + 伟 → 张伟 (family name first, no space); John + Smith → John Smith. */
export function fullNameOf(first: string | null, last: string | null): string | null {
  if (first && last) return CJK.test(first) && CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last;
}
