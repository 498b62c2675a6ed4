import { niceCeiling, segmentsOf, type Point } from './chart-geometry';

export interface Series {
  name: string;
  /** A CSS class giving the line its colour (ops.css). */
  className: string;
  points: Point[];
}

const W = 420;
const H = 150;
const PAD = { left: 44, right: 10, top: 10, bottom: 22 };
const MINUTE = 60_000;

/**
 * A small SVG line chart of the last `windowMs` up to `now`: gaps where a figure is missing,
 * three gridlines with their values, minutes ago along the bottom. No chart library.
 */
export function LineChart({
  title,
  unit,
  series,
  now,
  windowMs,
}: {
  title: string;
  unit: string;
  series: Series[];
  now: number;
  windowMs: number;
}) {
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => (p.value === null ? [] : [p.value])),
  );
  const top = niceCeiling(Math.max(0, ...values));
  const x = (t: number) =>
    PAD.left + ((t - (now - windowMs)) / windowMs) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const grid = [0, top / 2, top];
  const ticks = [15, 10, 5, 0].filter((m) => m * MINUTE <= windowMs);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${title}, ${unit}, last ${Math.round(windowMs / MINUTE)} minutes`}
    >
      {grid.map((v) => (
        <g key={v}>
          <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {formatTick(v)}
          </text>
        </g>
      ))}
      {ticks.map((m) => (
        <text key={m} className="axis" x={x(now - m * MINUTE)} y={H - 6} textAnchor="middle">
          {m === 0 ? 'now' : `−${m} min`}
        </text>
      ))}
      {series.map((s) =>
        segmentsOf(s.points).map((segment, i) => (
          <polyline
            key={`${s.name}-${i}`}
            className={`line ${s.className}`}
            points={segment.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
          />
        )),
      )}
    </svg>
  );
}

function formatTick(v: number): string {
  if (v >= 1000) return `${Math.round(v / 100) / 10}k`;
  return String(Math.round(v * 10) / 10);
}
