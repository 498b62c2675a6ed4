import { getJson, sourced } from './deadline';
import type { OpsSettings } from './ops-settings';
import type {
  CompositionView,
  RegistryView,
  SelfPreservationView,
  Sourced,
  SubgraphView,
} from './ops-types';

interface RegistrySubgraph {
  name: string;
  instances: Array<{
    instanceId: string;
    url: string;
    lastHeartbeat: string;
    leaseExpiresAt?: string;
  }>;
}

interface RegistryHealth {
  selfPreservation?: boolean;
  selfPreservationReason?: string;
  selfPreservationSince?: string;
}

/** The registry's instances with each lease's age and status, as of `now`. */
export function subgraphViews(listed: RegistrySubgraph[], now: Date): SubgraphView[] {
  return listed.map(({ name, instances }) => ({
    name,
    instances: instances.map((i) => {
      const beat = Date.parse(i.lastHeartbeat);
      const expires = i.leaseExpiresAt ?? i.lastHeartbeat;
      return {
        instanceId: i.instanceId,
        url: i.url,
        lastHeartbeat: i.lastHeartbeat,
        leaseExpiresAt: expires,
        leaseAgeSeconds: Math.max(0, Math.round((now.getTime() - beat) / 1000)),
        status: Date.parse(expires) < now.getTime() ? 'lapsed' : 'up',
      };
    }),
  }));
}

/** The registry as the page shows it: instances (its read token) and self-preservation (/health). */
export function registrySource(settings: OpsSettings['registry']) {
  const url = (path: string) => `${settings.url}${path}`;
  return {
    async registry(now: Date): Promise<Sourced<RegistryView>> {
      if (!settings.token) return { ok: false, error: 'REGISTRY_TOKEN is not set' };
      const [listed, health] = await Promise.all([
        sourced('the registry', () =>
          getJson<RegistrySubgraph[]>(url('/v1/subgraphs'), settings.token),
        ),
        sourced('the registry', async (): Promise<SelfPreservationView> => {
          const h = await getJson<RegistryHealth>(url('/health'), undefined);
          return h.selfPreservation
            ? { active: true, reason: h.selfPreservationReason, since: h.selfPreservationSince }
            : { active: false };
        }),
      ]);
      if (!listed.ok) return listed;
      return {
        ok: true,
        data: { subgraphs: subgraphViews(listed.data, now), selfPreservation: health },
      };
    },
    history: (): Promise<Sourced<CompositionView[]>> =>
      sourced('the registry', async () => {
        if (!settings.token) throw new Error('REGISTRY_TOKEN is not set');
        const body = await getJson<{ compositions: CompositionView[] }>(
          url('/v1/supergraph/history?limit=20'),
          settings.token,
        );
        return body.compositions;
      }),
  };
}

export type RegistrySource = ReturnType<typeof registrySource>;
