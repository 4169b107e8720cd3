import { ChartFigure } from '../routes/insight/ChartFigure';
import { formatDay, formatMonth } from '../labels';
import { formatMeasure } from './Measures';

/** A point's date: a day (YYYY-MM-DD) on the change page, a month (YYYY-MM) in the library. */
const when = (on: string | null | undefined) => (!on ? '—' : on.length === 7 ? formatMonth(`${on}-01`) : formatDay(on));

export interface SeriesPoint {
  label: string;
  value: number;
  on?: string | null;
}

export interface Series {
  metric: string;
  unit?: string | null;
  baseline: number;
  target: number;
  points: readonly SeriesPoint[];
}

const W = 560;
const H = 220;
const PAD = { left: 48, right: 96, top: 16, bottom: 40 };

/**
 * One measure over time: baseline, at adoption, each review, with the target as a dashed line.
 * A small SVG, no chart library; the same figures are in the table (ChartFigure keeps the table in
 * the accessibility tree and the chart out of it).
 */
export function MeasureSeriesChart({ series, whenHeading = 'When' }: { series: Series; whenHeading?: string }) {
  const values = [...series.points.map((p) => p.value), series.target, series.baseline];
  let [low, high] = [Math.min(...values), Math.max(...values)];
  if (low === high) [low, high] = [low - 1, high + 1];
  const margin = (high - low) * 0.1;
  [low, high] = [low - margin, high + margin];
  const x = (i: number) => PAD.left + (series.points.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (series.points.length - 1));
  const y = (v: number) => PAD.top + ((high - v) * (H - PAD.top - PAD.bottom)) / (high - low);
  const line = series.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  const last = series.points.at(-1);
  const summary = last
    ? `From ${formatMeasure(series.baseline, series.unit)} at baseline to ${formatMeasure(last.value, series.unit)} (${last.label.toLowerCase()}); target ${formatMeasure(series.target, series.unit)}.`
    : undefined;
  return (
    <ChartFigure
      title={`${series.metric} over time`}
      summary={summary}
      chart={
        <svg className="series-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" focusable="false">
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="series-chart__axis" />
          <line x1={PAD.left} x2={W - PAD.right} y1={y(series.target)} y2={y(series.target)} className="series-chart__target" />
          <text x={W - PAD.right + 6} y={y(series.target) + 4} className="series-chart__note">
            Target {formatMeasure(series.target, series.unit)}
          </text>
          <polyline points={line} className="series-chart__line" fill="none" />
          {series.points.map((p, i) => (
            <g key={`${p.label}-${i}`}>
              <circle cx={x(i)} cy={y(p.value)} r={5} className="series-chart__point" />
              <text x={x(i)} y={y(p.value) - 10} textAnchor="middle" className="series-chart__value">
                {formatMeasure(p.value, series.unit)}
              </text>
              <text x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="series-chart__label">
                {p.label}
              </text>
            </g>
          ))}
        </svg>
      }
      table={
        <table className="table">
          <caption className="visually-hidden">{`${series.metric}: every recorded value, oldest first`}</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">{whenHeading}</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p, i) => (
              <tr key={`${p.label}-${i}`}>
                <th scope="row">{p.label}</th>
                <td>{when(p.on)}</td>
                <td className="num">{formatMeasure(p.value, series.unit)}</td>
                <td className="num">{formatMeasure(series.target, series.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
