import { partitionLag } from './kafka-source';
import { outboxFigures } from './metrics-source';
import { parsePromText } from './prom-text';
import { subgraphViews } from './registry-source';
import { createRing } from './ring-buffer';

describe('consumer lag of a partition', () => {
  const range = { partition: 0, low: '10', high: '25' };
  it('is the end offset less the committed one', () => {
    expect(partitionLag('t', range, { partition: 0, offset: '20' })).toEqual({
      topic: 't',
      partition: 0,
      committed: '20',
      end: '25',
      lag: 5,
    });
  });
  it('counts from the log start with nothing committed, or an offset before it', () => {
    expect(partitionLag('t', range, undefined)).toMatchObject({ committed: null, lag: 15 });
    expect(partitionLag('t', range, { partition: 0, offset: '-1' })).toMatchObject({ lag: 15 });
    expect(partitionLag('t', range, { partition: 0, offset: '3' })).toMatchObject({ lag: 15 });
  });
});

describe('the outbox figures of a scrape', () => {
  it('reads pending, oldest age and parked per collection', () => {
    const samples = parsePromText(
      [
        'tally_outbox_pending{collection="outbox"} 4',
        'tally_outbox_oldest_pending_age_seconds{collection="outbox"} 12.6',
        'tally_outbox_parked{collection="outbox"} 1',
      ].join('\n'),
    );
    expect(outboxFigures(samples)).toEqual([
      { collection: 'outbox', pending: 4, oldestPendingAgeSeconds: 13, parked: 1 },
    ]);
    expect(outboxFigures(parsePromText('tally_graphql_requests_total 3'))).toEqual([]);
  });
});

describe("the registry's instances", () => {
  it('gives each lease its age, and says lapsed once it is past its expiry', () => {
    const now = new Date('2026-12-03T06:00:30Z');
    const [view] = subgraphViews(
      [
        {
          name: 'usage',
          instances: [
            {
              instanceId: 'a',
              url: 'http://127.0.0.1:4002/graphql',
              lastHeartbeat: '2026-12-03T06:00:25Z',
              leaseExpiresAt: '2026-12-03T06:00:55Z',
            },
            {
              instanceId: 'b',
              url: 'http://127.0.0.1:4012/graphql',
              lastHeartbeat: '2026-12-03T05:59:40Z',
              leaseExpiresAt: '2026-12-03T06:00:10Z',
            },
          ],
        },
      ],
      now,
    );
    expect(view!.instances.map((i) => [i.instanceId, i.leaseAgeSeconds, i.status])).toEqual([
      ['a', 5, 'up'],
      ['b', 50, 'lapsed'],
    ]);
  });
});

describe('the ring of samples', () => {
  it('keeps the last n, oldest first', () => {
    const ring = createRing<number>(3);
    expect(ring.toArray()).toEqual([]);
    for (const n of [1, 2]) ring.push(n);
    expect(ring.toArray()).toEqual([1, 2]);
    for (const n of [3, 4, 5]) ring.push(n);
    expect(ring.toArray()).toEqual([3, 4, 5]);
  });
});
