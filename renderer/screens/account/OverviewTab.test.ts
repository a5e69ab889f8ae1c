import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../core/api/contract.js';
import { splitTimeline } from './OverviewTab.js';

const visit = (at: string) => ({ type: 'visit', at, visit: { id: at } }) as unknown as TimelineItem;
const note = (at: string) => ({ type: 'note', at, note: { id: at } }) as unknown as TimelineItem;
const date = (at: string) => ({ type: 'date', at, date: { id: at } }) as unknown as TimelineItem;

describe('splitTimeline', () => {
  it('keeps the history to visits and notes, newest first, and lists the five soonest dates apart', () => {
    const items = [
      date('2027-09-01'), visit('2026-10-01T02:00:00.000Z'), date('2026-12-01'), note('2026-11-20T02:00:00.000Z'),
      date('2027-01-05'), date('2026-11-25'), date('2027-03-01'), date('2027-02-01'), visit('2026-11-01T02:00:00.000Z'),
    ];
    const { comingUp, history } = splitTimeline(items);
    expect(history.map((item) => item.at)).toEqual(['2026-11-20T02:00:00.000Z', '2026-11-01T02:00:00.000Z', '2026-10-01T02:00:00.000Z']);
    expect(comingUp.map((item) => item.at)).toEqual(['2026-11-25', '2026-12-01', '2027-01-05', '2027-02-01', '2027-03-01']);
  });
});
