import type { ChartSample, OpsCharts } from '../../server/src/ops/ops-types';
import { ErrorMessage } from '../components/error-message';
import { LineChart, type Series } from './line-chart';
import { useOps } from './use-ops';

const series = (
  samples: readonly ChartSample[],
  name: string,
  className: string,
  figure: (s: ChartSample) => number | null,
): Series => ({
  name,
  className,
  points: samples.map((s) => ({ at: Date.parse(s.at), value: figure(s) })),
});

/** The latest figure of a line, or a dash. */
function latest(samples: readonly ChartSample[], figure: (s: ChartSample) => number | null) {
  const value = samples.length ? figure(samples[samples.length - 1]!) : null;
  return value === null ? '—' : value.toLocaleString('en-US');
}

function Chart(props: {
  title: string;
  unit: string;
  charts: OpsCharts;
  lines: Array<[string, string, (s: ChartSample) => number | null]>;
  now: number;
}) {
  const { samples, windowSeconds } = props.charts;
  return (
    <figure className="card chart-card" aria-label={props.title}>
      <figcaption>
        <strong>{props.title}</strong>
        <span className="legend">
          {props.lines.map(([name, className, figure]) => (
            <span key={name} className={`key ${className}`}>
              {name} <b data-testid={`${props.title} ${name}`}>{latest(samples, figure)}</b>
            </span>
          ))}{' '}
          <span className="muted">{props.unit}</span>
        </span>
      </figcaption>
      <LineChart
        title={props.title}
        unit={props.unit}
        now={props.now}
        windowMs={windowSeconds * 1000}
        series={props.lines.map(([name, className, figure]) =>
          series(samples, name, className, figure),
        )}
      />
    </figure>
  );
}

/** Ingest rate, settlement lag and bill read latency over the last 15 minutes, sampled every 5 s. */
export function ChartsPanel() {
  const { data, error } = useOps<OpsCharts>('charts');
  if (!data) return <ErrorMessage error={error} />;
  const now = Date.parse(data.at);
  return (
    <>
      {data.samples.length < 2 && (
        <p className="muted">
          The charts fill in as the console samples every {data.intervalSeconds} s.
        </p>
      )}
      <div className="chart-grid">
        <Chart
          title="Ingest rate"
          unit="usage records/s"
          charts={data}
          now={now}
          lines={[['records/s', 'line-a', (s) => s.ingestPerSecond]]}
        />
        <Chart
          title="Settlement lag"
          unit="messages behind"
          charts={data}
          now={now}
          lines={[['behind', 'line-b', (s) => s.settlementLag]]}
        />
        <Chart
          title="Bill read latency"
          unit="ms (gateway)"
          charts={data}
          now={now}
          lines={[
            ['p50', 'line-a', (s) => s.billReadP50Ms],
            ['p95', 'line-c', (s) => s.billReadP95Ms],
          ]}
        />
      </div>
      <ErrorMessage error={error} />
    </>
  );
}
