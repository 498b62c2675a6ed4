import type { ConsumerGroupView } from '../../server/src/ops/ops-types';
import { Badge } from './source-down';

function stateBadge(g: ConsumerGroupView) {
  if (g.members === 0) return <Badge tone="bad">{g.state} · no consumer</Badge>;
  if (g.state !== 'Stable') return <Badge tone="warn">{g.state}</Badge>;
  return (
    <Badge tone={g.totalLag > 0 ? 'warn' : 'ok'}>{g.totalLag > 0 ? 'lagging' : 'caught up'}</Badge>
  );
}

/** Each consumer group's lag per topic partition: end offset less committed offset. */
export function ConsumerLagTable({ groups }: { groups: ConsumerGroupView[] }) {
  if (groups.length === 0)
    return <p className="muted">No consumer group of this deployment yet.</p>;
  return (
    <table aria-label="Consumer lag">
      <thead>
        <tr>
          <th>Group</th>
          <th>State</th>
          <th>Topic</th>
          <th className="num">Partition</th>
          <th className="num">Committed</th>
          <th className="num">End</th>
          <th className="num">Lag</th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((g) =>
          (g.partitions.length ? g.partitions : [null]).map((p, i) => (
            <tr key={`${g.groupId}/${p?.topic ?? ''}/${p?.partition ?? ''}`}>
              {i === 0 && (
                <>
                  <td className="mono" rowSpan={Math.max(1, g.partitions.length)}>
                    {g.groupId}
                  </td>
                  <td rowSpan={Math.max(1, g.partitions.length)}>
                    {stateBadge(g)}{' '}
                    <span className="muted">
                      {g.members} member{g.members === 1 ? '' : 's'} · lag {g.totalLag}
                    </span>
                  </td>
                </>
              )}
              {p ? (
                <>
                  <td className="mono">{p.topic}</td>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.committed ?? '—'}</td>
                  <td className="num">{p.end}</td>
                  <td className={`num ${p.lag > 0 ? 'lagging' : ''}`}>{p.lag}</td>
                </>
              ) : (
                <td colSpan={5} className="muted">
                  nothing committed yet
                </td>
              )}
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
