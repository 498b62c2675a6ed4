import type { Logger } from '@tally/service-kit';
import type { Instance } from '../domain/types';
import { makeSelfPreservation } from './self-preservation';

const lines: Array<{ level: string; msg: string }> = [];
const logger = {
  warn: (_obj: unknown, msg: string) => lines.push({ level: 'warn', msg }),
  info: (_obj: unknown, msg: string) => lines.push({ level: 'info', msg }),
} as unknown as Logger;

const startedAt = new Date('2026-11-03T00:00:00Z');
const later = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
const instance = (instanceId: string, beatAt: number): Instance => ({
  subgraph: 'users',
  instanceId,
  url: 'http://x/graphql',
  lastHeartbeat: later(beatAt),
});

describe('makeSelfPreservation', () => {
  beforeEach(() => lines.splice(0));

  it('logs one line when it starts, whatever the sweeps in between, and one when it ends', () => {
    const watch = makeSelfPreservation({
      policy: { leaseSeconds: 10, startedAt, maxLapseShare: 0.5 },
      logger,
    });
    const silent = [instance('a', 60), instance('b', 60), instance('c', 95)];
    for (const at of [100, 101, 102]) watch.assess(silent, later(at));
    expect(watch.current()).toMatchObject({ kind: 'mass-lapse', since: later(100) });
    watch.assess([instance('a', 101), instance('b', 101), instance('c', 101)], later(103));
    expect(watch.current()).toBeNull();
    expect(lines).toEqual([
      { level: 'warn', msg: 'self-preservation: no lease is taken away' },
      { level: 'info', msg: 'self-preservation over: leases lapse again' },
    ]);
  });
});
