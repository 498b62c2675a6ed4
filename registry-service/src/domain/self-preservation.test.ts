import { assessLeases, effectiveCutoff, type LeasePolicy } from './self-preservation';
import type { Instance } from './types';

const startedAt = new Date('2026-11-03T01:00:00Z');
const policy: LeasePolicy = { leaseSeconds: 30, startedAt, maxLapseShare: 0.5 };
const at = (iso: string) => new Date(iso);
const instance = (instanceId: string, lastHeartbeat: string): Instance => ({
  subgraph: 'users',
  instanceId,
  url: `http://${instanceId}/graphql`,
  lastHeartbeat: at(lastHeartbeat),
});

describe('assessLeases', () => {
  const longAgo = '2026-11-03T00:50:00Z'; // ten minutes before the registry started

  it('keeps leases that lapsed while the registry was down for one lease after its start', () => {
    const set = [instance('a', longAgo), instance('b', longAgo)];
    const result = assessLeases(set, at('2026-11-03T01:00:29Z'), policy);
    expect(result.lapsed).toEqual([]);
    expect(result.selfPreservation).toEqual({
      kind: 'restart',
      reason: expect.stringContaining('2 of 2 leases lapsed while it was down'),
    });
  });

  it('lets those leases lapse once the grace is over', () => {
    const set = [instance('a', longAgo), instance('b', '2026-11-03T01:00:20Z')];
    const result = assessLeases(set, at('2026-11-03T01:00:31Z'), policy);
    expect(result.lapsed.map((i) => i.instanceId)).toEqual(['a']);
    expect(result.selfPreservation).toBeNull();
  });

  it('says nothing during the grace when no lease lapsed', () => {
    const set = [instance('a', '2026-11-03T00:59:50Z')];
    expect(assessLeases(set, at('2026-11-03T01:00:10Z'), policy).selfPreservation).toBeNull();
  });

  describe('after the grace', () => {
    const now = at('2026-11-03T02:00:00Z');
    const live = '2026-11-03T01:59:50Z';
    const silent = '2026-11-03T01:59:00Z';

    it('evicts a minority of lapsed leases', () => {
      const set = [instance('a', silent), instance('b', live), instance('c', live)];
      const result = assessLeases(set, now, policy);
      expect(result.lapsed.map((i) => i.instanceId)).toEqual(['a']);
      expect(result.selfPreservation).toBeNull();
    });

    it('evicts none when more than the share lapses at once', () => {
      const set = [instance('a', silent), instance('b', silent), instance('c', live)];
      const result = assessLeases(set, now, policy);
      expect(result.lapsed).toHaveLength(2);
      expect(result.selfPreservation).toEqual({
        kind: 'mass-lapse',
        reason: expect.stringContaining('2 of 3 leases lapsed at once (more than 50%)'),
      });
    });

    it('evicts exactly the share', () => {
      const set = [
        instance('a', silent),
        instance('b', silent),
        instance('c', live),
        instance('d', live),
      ];
      expect(assessLeases(set, now, policy).selfPreservation).toBeNull();
    });

    it('evicts a lone instance going silent, even when it is the only one', () => {
      expect(assessLeases([instance('a', silent)], now, policy).selfPreservation).toBeNull();
    });

    it('never preserves with a share of 1', () => {
      const set = [instance('a', silent), instance('b', silent)];
      expect(assessLeases(set, now, { ...policy, maxLapseShare: 1 }).selfPreservation).toBeNull();
    });
  });
});

describe('effectiveCutoff', () => {
  it('is the epoch during the first lease after the start, then one lease before now', () => {
    expect(effectiveCutoff(at('2026-11-03T01:00:30Z'), policy).getTime()).toBe(0);
    expect(effectiveCutoff(at('2026-11-03T01:00:31Z'), policy).toISOString()).toBe(
      '2026-11-03T01:00:01.000Z',
    );
  });
});
