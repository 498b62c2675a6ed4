import type { ServiceOutboxView } from '../../server/src/ops/ops-types';
import { formatDuration } from './ops-format';
import { Badge } from './source-down';

/** Each service's outbox: intents not yet published, the oldest one's age, and those set aside. */
export function OutboxTable({ services }: { services: ServiceOutboxView[] }) {
  if (services.length === 0) return <p className="muted">No service is registered.</p>;
  return (
    <table aria-label="Outbox backlog">
      <thead>
        <tr>
          <th>Service</th>
          <th>Collection</th>
          <th className="num">Pending</th>
          <th className="num">Oldest pending</th>
          <th className="num">Parked</th>
        </tr>
      </thead>
      <tbody>
        {services.flatMap(({ service, outboxes }) => {
          if (!outboxes.ok)
            return [
              <tr key={service}>
                <td>{service}</td>
                <td colSpan={4}>
                  <Badge tone="bad">down</Badge> <span className="muted">{outboxes.error}</span>
                </td>
              </tr>,
            ];
          if (outboxes.data.length === 0)
            return [
              <tr key={service}>
                <td>{service}</td>
                <td colSpan={4} className="muted">
                  keeps no outbox
                </td>
              </tr>,
            ];
          return outboxes.data.map((o) => (
            <tr key={`${service}/${o.collection}`}>
              <td>{service}</td>
              <td className="mono">{o.collection}</td>
              <td className="num">{o.pending}</td>
              <td className="num">
                {o.pending > 0 ? formatDuration(o.oldestPendingAgeSeconds) : '—'}
              </td>
              <td className="num">
                {o.parked > 0 ? <Badge tone="bad">{o.parked}</Badge> : o.parked}
              </td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
