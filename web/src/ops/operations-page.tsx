import type { ReactNode } from 'react';
import type { OpsOverview } from '../../server/src/ops/ops-types';
import { Allowed } from '../components/allowed';
import { ErrorMessage } from '../components/error-message';
import { ChartsPanel } from './charts-panel';
import { ConsumerLagTable } from './consumer-lag-table';
import { DeadLettersPanel } from './dead-letters-panel';
import { formatInstant } from './ops-format';
import { OutboxTable } from './outbox-table';
import { RegistryPanel } from './registry-panel';
import { FromSource } from './source-down';
import { SupergraphHistory } from './supergraph-history';
import { useOps } from './use-ops';
import './ops.css';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card ops-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Overview() {
  const { data, error } = useOps<OpsOverview>('overview');
  if (!data)
    return error ? <ErrorMessage error={error} /> : <p className="muted">Reading the system…</p>;
  return (
    <>
      <p className="muted" role="status">
        As of {formatInstant(data.at)}, refreshed every 5 s.
      </p>
      <ErrorMessage error={error} />
      <Section title="Instances">
        <FromSource
          what="The registry"
          source={data.registry}
          render={(r) => <RegistryPanel registry={r} />}
        />
      </Section>
      <div className="columns">
        <Section title="Supergraph history">
          <FromSource
            what="The registry"
            source={data.supergraphs}
            render={(c) => <SupergraphHistory compositions={c} />}
          />
        </Section>
        <Section title="Outbox backlog">
          <FromSource
            what="The services"
            source={data.outboxes}
            render={(s) => <OutboxTable services={s} />}
          />
        </Section>
      </div>
      <Section title="Consumer lag">
        <FromSource
          what="Kafka"
          source={data.consumers}
          render={(g) => <ConsumerLagTable groups={g} />}
        />
      </Section>
    </>
  );
}

/** The operators' view of the running system (admin: ops:read), refreshed live. */
export function OperationsPage() {
  return (
    <>
      <h1>Operations</h1>
      <Allowed scope="ops:read" action="The Operations page">
        <Section title="Last 15 minutes">
          <ChartsPanel />
        </Section>
        <Overview />
        <Section title="Dead letters">
          <DeadLettersPanel />
        </Section>
      </Allowed>
    </>
  );
}
