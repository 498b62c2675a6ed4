import type { InstanceView, RegistryView } from '../../server/src/ops/ops-types';
import { formatDuration, formatInstant } from './ops-format';
import { Badge, SourceDown } from './source-down';

function SelfPreservation({ state }: { state: RegistryView['selfPreservation'] }) {
  if (!state.ok) return <SourceDown what="The registry's health" error={state.error} />;
  if (!state.data.active)
    return (
      <p>
        <Badge tone="ok">self-preservation off</Badge>{' '}
        <span className="muted">lapsed leases are evicted as they expire</span>
      </p>
    );
  return (
    <p role="status">
      <Badge tone="warn">self-preservation on</Badge> the registry keeps every lease
      {state.data.since && ` since ${formatInstant(state.data.since)}`}: {state.data.reason}
    </p>
  );
}

/** Registered subgraphs and their instances, each lease's age and status (the Eureka view). */
export function RegistryPanel({ registry }: { registry: RegistryView }) {
  const rows: Array<{ subgraph: string; instance: InstanceView | null }> =
    registry.subgraphs.flatMap<{ subgraph: string; instance: InstanceView | null }>((s) =>
      s.instances.length === 0
        ? [{ subgraph: s.name, instance: null }]
        : s.instances.map((instance) => ({ subgraph: s.name, instance })),
    );
  return (
    <>
      <SelfPreservation state={registry.selfPreservation} />
      {rows.length === 0 ? (
        <p className="muted">No subgraph is registered.</p>
      ) : (
        <table aria-label="Instances">
          <thead>
            <tr>
              <th>Subgraph</th>
              <th>Instance</th>
              <th>URL</th>
              <th>Status</th>
              <th className="num">Lease age</th>
              <th>Last heartbeat</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ subgraph, instance }) => (
              <tr key={`${subgraph}/${instance?.instanceId ?? ''}`}>
                <td>{subgraph}</td>
                {instance ? (
                  <>
                    <td className="mono">{instance.instanceId}</td>
                    <td className="mono">{instance.url}</td>
                    <td>
                      {instance.status === 'up' ? (
                        <Badge tone="ok">UP</Badge>
                      ) : (
                        <Badge tone="warn">LAPSED (kept)</Badge>
                      )}
                    </td>
                    <td className="num">{formatDuration(instance.leaseAgeSeconds)}</td>
                    <td>{formatInstant(instance.lastHeartbeat)}</td>
                  </>
                ) : (
                  <td colSpan={5}>
                    <Badge tone="bad">no instance</Badge>{' '}
                    <span className="muted">
                      its schema stays in the supergraph; queries to it fail
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
