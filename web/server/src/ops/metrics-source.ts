import { METRIC } from '@tally/service-kit';
import { getText, messageOf, withDeadline } from './deadline';
import { bucketsOf, type Buckets } from './histogram';
import { parsePromText, samplesOf, type PromSample } from './prom-text';
import type { OutboxFigures, ServiceOutboxView, Sourced, SubgraphView } from './ops-types';

/** A service's /metrics (METRICS_TOKEN when set: production guards them), parsed. */
export async function scrape(origin: string, token: string | undefined): Promise<PromSample[]> {
  return parsePromText(await getText(`${origin}/metrics`, token));
}

/** The outbox figures of one service's scrape, by collection. */
export function outboxFigures(samples: readonly PromSample[]): OutboxFigures[] {
  const byCollection = (name: string) =>
    new Map(samplesOf(samples, name).map((s) => [s.labels.collection ?? '', s.value]));
  const pending = byCollection(METRIC.outboxPending);
  const age = byCollection(METRIC.outboxOldestAge);
  const parked = byCollection(METRIC.outboxParked);
  const collections = [...new Set([...pending.keys(), ...parked.keys()])].sort();
  return collections.map((collection) => ({
    collection,
    pending: pending.get(collection) ?? 0,
    oldestPendingAgeSeconds: Math.round(age.get(collection) ?? 0),
    parked: parked.get(collection) ?? 0,
  }));
}

/** A service's outboxes from the first of its instances that answers. */
async function serviceOutboxes(
  subgraph: SubgraphView,
  token: string | undefined,
): Promise<Sourced<OutboxFigures[]>> {
  const reasons: string[] = [];
  for (const instance of subgraph.instances) {
    try {
      const origin = new URL(instance.url).origin;
      return { ok: true, data: outboxFigures(await withDeadline(origin, scrape(origin, token))) };
    } catch (err) {
      reasons.push(`${instance.instanceId}: ${messageOf(err)}`);
    }
  }
  return { ok: false, error: reasons.join('; ') || 'no instance registered' };
}

/** Every registered service's outbox backlog (pending, oldest age, parked). */
export async function outboxes(
  subgraphs: readonly SubgraphView[],
  token: string | undefined,
): Promise<ServiceOutboxView[]> {
  return Promise.all(
    subgraphs.map(async (s) => ({ service: s.name, outboxes: await serviceOutboxes(s, token) })),
  );
}

/** The operations whose time is a bill read: their name says bill (`UserBill`, `Bill`, …). */
export const isBillRead = (labels: Record<string, string>) => /bill/i.test(labels.operation ?? '');

/** The gateway's GraphQL latency histogram over bill reads, summed over their series. */
export async function billReadBuckets(
  gatewayUrl: string,
  token: string | undefined,
): Promise<Buckets> {
  return bucketsOf(await scrape(gatewayUrl, token), METRIC.graphqlDuration, isBillRead);
}
