/**
 * A small accessible bar chart in SVG: grouped bars per category, a legend, and the same numbers as a
 * visually hidden table for screen readers (the SVG itself is hidden from them).
 */
import { useId } from 'react';

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

interface BarChartProps {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** the top of the scale; default: the largest value */
  max?: number;
  format?: (value: number) => string;
}

const HEIGHT = 160;
const BAR_WIDTH = 12;
const GAP = 10;

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export function BarChart({ title, categories, series, max, format = String }: BarChartProps) {
  const titleId = useId();
  const top = max ?? Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = series.length * BAR_WIDTH + GAP;
  const width = Math.max(200, categories.length * groupWidth + GAP);
  return (
    <figure style={{ margin: 0 }} aria-labelledby={titleId}>
      <figcaption id={titleId} style={{ fontWeight: 600, marginBlockEnd: 4 }}>
        {title}
      </figcaption>
      <div style={{ overflowX: 'auto' }}>
        <svg width={width} height={HEIGHT + 36} aria-hidden focusable="false">
          <line x1={0} y1={HEIGHT} x2={width} y2={HEIGHT} stroke="#8c8c8c" />
          {categories.map((category, index) => (
            <g key={category} transform={`translate(${GAP + index * groupWidth},0)`}>
              {series.map((s, seriesIndex) => {
                const value = s.values[index] ?? 0;
                const height = (value / top) * (HEIGHT - 4);
                return <rect key={s.name} x={seriesIndex * BAR_WIDTH} y={HEIGHT - height} width={BAR_WIDTH - 2} height={height} fill={s.color} />;
              })}
              <text x={0} y={HEIGHT + 14} fontSize={10} fill="#595959">
                {category}
              </text>
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
              {series.map((s) => (
                <td key={s.name}>{format(s.values[index] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
