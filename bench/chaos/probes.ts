import { graphql, type Endpoint } from '../scale/graphql';
import { errorCode } from './error-code';
import type { Timeline } from './timeline';

export interface Probe {
  /** The path's name in the timeline and the report. */
  path: string;
  /** `api`: a GraphQL call through the gateway; `ready`: a process's own readiness. */
  kind: 'api' | 'ready';
  /** Resolves when the path answers; 'skip' when there is nothing to ask yet. */
  run(signal: AbortSignal): Promise<void | 'skip'>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET `url`; resolves on 200, else throws an error whose code is HTTP_<status>. */
async function getOk(url: string, signal: AbortSignal): Promise<Response> {
  const res = await fetch(url, { signal });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`HTTP ${res.status}`);
  }
  return res;
}

/** Each subgraph alone through the gateway, as an admin. */
export function apiProbes(opts: {
  gatewayApi: Endpoint;
  userId: string;
  period: string;
  usageId: () => string | undefined;
  timeoutMs: number;
}): Probe[] {
  const call = async (query: string, variables: Record<string, string>, _signal: AbortSignal) =>
    void (await graphql(opts.gatewayApi, query, variables, opts.timeoutMs));
  return [
    {
      path: 'gateway→user',
      kind: 'api',
      run: (s) =>
        call('query ChaosUser($u: ID!) { user(id: $u) { id name } }', { u: opts.userId }, s),
    },
    {
      path: 'gateway→usage',
      kind: 'api',
      run: async (s) => {
        const id = opts.usageId();
        if (id === undefined) return 'skip';
        await call('query ChaosRecord($id: ID!) { usageRecord(id: $id) { id amount } }', { id }, s);
      },
    },
    {
      path: 'gateway→settlement',
      kind: 'api',
      run: (s) =>
        call(
          'query ChaosBill($u: ID!, $p: String!) { bill(userId: $u, period: $p) { eventsApplied } }',
          { u: opts.userId, p: opts.period },
          s,
        ),
    },
  ];
}

/** /health/ready of each service, and the backup connector's state on the Connect worker. */
export function readyProbes(
  services: Record<string, number>,
  connectUrl: string,
  connector: string,
): Probe[] {
  const probes: Probe[] = Object.entries(services).map(([name, port]) => ({
    path: `${name} ready`,
    kind: 'ready',
    run: async (signal) => {
      const res = await getOk(`http://127.0.0.1:${port}/health/ready`, signal);
      await res.body?.cancel();
    },
  }));
  probes.push({
    path: 'backup connector',
    kind: 'ready',
    run: async (signal) => {
      const res = await getOk(`${connectUrl}/connectors/${connector}/status`, signal);
      const status = (await res.json()) as {
        connector?: { state?: string };
        tasks?: Array<{ state?: string }>;
      };
      const states = [status.connector?.state, ...(status.tasks ?? []).map((t) => t.state)];
      const bad = states.find((s) => s !== 'RUNNING');
      if (bad !== undefined || !status.tasks?.length)
        throw new Error(
          `${bad ?? 'NO_TASK'}: connector ${status.connector?.state}, tasks ${states.slice(1).join(',')}`,
        );
    },
  });
  return probes;
}

/**
 * Runs each probe in its own loop, once every `intervalMs` (a probe that hangs, on a frozen
 * process, holds up only itself until `timeoutMs`), recording every answer in the timeline.
 */
export function runProbes(
  probes: Probe[],
  timeline: Timeline,
  intervalMs: number,
  timeoutMs: number,
) {
  let stopped = false;
  const loops = probes.map(async (probe) => {
    while (!stopped) {
      const started = performance.now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const answer = await Promise.race([
          probe.run(signal),
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
          ),
        ]);
        if (answer !== 'skip') timeline.record(probe.path, true);
      } catch (err) {
        timeline.record(probe.path, false, errorCode(err));
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - started)));
    }
  });
  return {
    paths: probes.map((p) => p.path),
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
