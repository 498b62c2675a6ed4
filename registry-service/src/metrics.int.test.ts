import { METRIC } from '@tally/service-kit';
import { sampleValue } from '@tally/testkit';
import { client, manualClock, startRegistry, uniqueDatabase } from '../test/harness';
import { sdl } from '../test/sdl';

const LEASE = 10;
const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };
const plans = { url: 'http://127.0.0.1:4005/graphql', sdl: sdl.plans };

/** The registry's /metrics as its instances register, lapse and are evicted (manual clock). */
describe("the registry's /metrics", () => {
  it('shows instances live and expired per subgraph, evictions, self-preservation and the supergraph id', async () => {
    const clock = manualClock();
    // No sweep of its own: the test sweeps when it wants an eviction.
    const registry = await startRegistry(
      uniqueDatabase(),
      { leaseSeconds: LEASE, sweepSeconds: 3600 },
      { now: clock.now },
    );
    try {
      const api = client(registry.url);
      const scrape = async () => {
        const res = await fetch(`${registry.url}/metrics`);
        expect(res.status).toBe(200);
        return res.text();
      };
      await api.register('users', 'users-1', users);
      await api.register('plans', 'plans-1', plans);
      await api.register('plans', 'plans-2', plans);
      const id = await api.supergraphId();

      const registered = await scrape();
      const instances = (text: string, subgraph: string, state: string) =>
        sampleValue(text, METRIC.registryInstances, { subgraph, state });
      expect(instances(registered, 'users', 'live')).toBe(1);
      expect(instances(registered, 'plans', 'live')).toBe(2);
      expect(instances(registered, 'users', 'expired')).toBeUndefined();
      expect(sampleValue(registered, METRIC.registrySupergraph, { supergraph_id: id })).toBe(1);
      expect(sampleValue(registered, METRIC.registrySelfPreservation)).toBe(0);

      // plans' instances keep their leases; users-1 goes silent past its lease.
      clock.advance(LEASE / 2 + 1);
      expect((await api.heartbeat('plans', 'plans-1')).status).toBe(200);
      expect((await api.heartbeat('plans', 'plans-2')).status).toBe(200);
      clock.advance(LEASE / 2);
      const lapsed = await scrape();
      expect(instances(lapsed, 'users', 'expired')).toBe(1);
      expect(instances(lapsed, 'plans', 'live')).toBe(2);
      expect(sampleValue(lapsed, METRIC.registryEvictions, { subgraph: 'users' })).toBeUndefined();

      expect(await registry.server.registry.sweep()).toBe(1);
      const evicted = await scrape();
      expect(sampleValue(evicted, METRIC.registryEvictions, { subgraph: 'users' })).toBe(1);
      expect(instances(evicted, 'users', 'expired')).toBeUndefined();
      expect(sampleValue(evicted, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    } finally {
      await registry.drop();
      await registry.close();
    }
  });
});
