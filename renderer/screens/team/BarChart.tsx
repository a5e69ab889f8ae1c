/**
 * A small accessible bar chart in SVG: grouped bars per category over a y-axis with its unit and
 * gridlines, category labels spaced so they never run into each other, a legend, and the same numbers
 * as a visually hidden table for screen readers (the SVG itself is hidden from them).
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';

export interface BarSeries {
  name: string;
  color: string;
  /** null: nothing to show for that category (no bar; "–" in the table) */
  values: Array<number | null>;
}

interface BarChartProps {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** what the y-axis counts, shown above it ("%", "Visits") */
  unit: string;
  /** the top of the scale; default: a round number at or above the largest value */
  max?: number;
  format?: (value: number) => string;
}

const PLOT_HEIGHT = 180;
const TOP = 22;
const AXIS_WIDTH = 44;
const LABEL_SPACE = 24;
/** Bars are between these widths: wider ones fill the card when there are few categories. */
const BAR_WIDTH = 14;
const MAX_BAR_WIDTH = 32;
const GAP = 12;
const TICKS = 4;
const FONT_SIZE = 12;
const INK = '#595959';

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** About how wide a label is drawn: CJK characters are square, others about 0.6 of the size. */
function labelWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.codePointAt(0)! >= 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.6), 0);
}

/** A round top for a count scale: 1, 2 or 5 times a power of ten per tick. */
function roundTop(largest: number): number {
  const raw = Math.max(1, largest) / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw)!;
  return Math.max(TICKS, Math.ceil(step) * TICKS);
}

/** The width the chart may take: its box's, followed as the window is resized. */
function useBoxWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function BarChart({ title, categories, series, unit, max, format = String }: BarChartProps) {
  const titleId = useId();
  const [boxRef, boxWidth] = useBoxWidth();
  const top = max ?? roundTop(Math.max(0, ...series.flatMap((s) => s.values.map((value) => value ?? 0))));
  const fill = (boxWidth - AXIS_WIDTH - GAP) / Math.max(1, categories.length) - GAP;
  const barWidth = Math.min(MAX_BAR_WIDTH, Math.max(BAR_WIDTH, fill / Math.max(1, series.length)));
  const groupWidth = series.length * barWidth + GAP;
  // Labels wider than a group are thinned out (every second, third … one) rather than run into each other.
  const labelRoom = Math.max(0, ...categories.map(labelWidth)) + 8;
  const labelEvery = Math.ceil(labelRoom / groupWidth);
  const width = AXIS_WIDTH + Math.max(categories.length * groupWidth, labelRoom) + GAP;
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const ticks = Array.from({ length: TICKS + 1 }, (_, index) => (top / TICKS) * index);
  return (
    <figure style={{ margin: 0 }} aria-labelledby={titleId}>
      <figcaption id={titleId} style={{ fontWeight: 600, marginBlockEnd: 4 }}>
        {title}
      </figcaption>
      <div ref={boxRef} style={{ overflowX: 'auto' }}>
        <svg width={width} height={TOP + PLOT_HEIGHT + LABEL_SPACE} aria-hidden focusable="false" fontSize={FONT_SIZE}>
          <text x={0} y={12} fill={INK}>
            {unit}
          </text>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={AXIS_WIDTH} y1={y(tick)} x2={width} y2={y(tick)} stroke={tick === 0 ? '#8c8c8c' : '#f0f0f0'} />
              <text x={AXIS_WIDTH - 6} y={y(tick) + 4} textAnchor="end" fill={INK}>
                {format(tick)}
              </text>
            </g>
          ))}
          {categories.map((category, index) => (
            <g key={category} transform={`translate(${AXIS_WIDTH + GAP / 2 + index * groupWidth},0)`}>
              {series.map((s, seriesIndex) => {
                const value = s.values[index] ?? null;
                if (value === null || value === 0) return null;
                return <rect key={s.name} x={seriesIndex * barWidth} y={y(value)} width={barWidth - 2} height={TOP + PLOT_HEIGHT - y(value)} fill={s.color} />;
              })}
              {index % labelEvery === 0 && (
                <text x={(groupWidth - GAP) / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" fill={INK}>
                  {category}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
      <div aria-hidden style={{ display: 'flex', gap: 12, flexWrap: 'wrap', fontSize: 12 }}>
        {series.map((s) => (
          <span key={s.name}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginInlineEnd: 4 }} />
            {s.name}
          </span>
        ))}
      </div>
      <table style={visuallyHidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, index) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {series.map((s) => {
                const value = s.values[index] ?? null;
                return <td key={s.name}>{value === null ? '–' : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
