import { anInput } from '../../test/support/builders';
import { countByUsageId } from '../../test/support/topic';
import { startUsageDeps } from '../../test/support/usage-deps';
import { makeRecordUsages } from './record-usages';
import { makeUsageQueries } from './usage-queries';

describe('recordUsages over the real stores, outbox and Kafka', () => {
  let env: Awaited<ReturnType<typeof startUsageDeps>>;
  let recordUsages: ReturnType<typeof makeRecordUsages>;
  let queries: ReturnType<typeof makeUsageQueries>;
  const now = new Date('2026-11-20T00:00:00Z');

  beforeAll(async () => {
    // The default grace: the sweep leaves the requests' own intents alone.
    env = await startUsageDeps('record-usages', { graceMs: 10_000 });
    recordUsages = makeRecordUsages(env.deps);
    queries = makeUsageQueries(env.stores);
  });
  afterAll(() => env.close());

  it('accepts new records, reports repeats, conflicts and unknown users; publishes each new record once', async () => {
    const batch = [
      anInput({ id: 'a-1', amount: 3 }),
      anInput({ id: 'a-2', type: 'SMS', amount: 1 }),
      anInput({ id: 'a-3', userId: 'user-2', type: 'VOICE', amount: 60 }),
      anInput({ id: 'a-4', userId: 'no-such-user' }),
      anInput({ id: 'a-5', amount: 0 }),
      anInput({ id: 'a-1', amount: 3 }), // repeated in the batch, same content
      anInput({ id: 'a-2', amount: 9 }), // repeated in the batch, other content
    ];
    expect((await recordUsages(batch, now)).map((o) => o.kind)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'rejected',
      'rejected',
      'duplicate',
      'rejected',
    ]);
    const again = await recordUsages(
      [anInput({ id: 'a-1', amount: 3 }), anInput({ id: 'a-3', userId: 'user-2', amount: 61 })],
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(again).toEqual([
      { kind: 'duplicate', record: { ...batch[0], recordedAt: now, outboxId: expect.any(String) } },
      {
        kind: 'rejected',
        code: 'CONFLICT',
        message: 'usage a-3 was already recorded with different content',
      },
    ]);
    const outcomes = await recordUsages(batch, now);
    expect(
      outcomes.filter((o) => o.kind === 'rejected').map((o) => o.kind === 'rejected' && o.code),
    ).toEqual(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);

    expect(countByUsageId(await env.published())).toEqual({ 'a-1': 1, 'a-2': 1, 'a-3': 1 });
    expect(await env.outbox.pending()).toBe(0);
    expect(await queries.byIds(['a-1', 'a-4'])).toEqual([
      expect.objectContaining({ id: 'a-1', amount: 3 }),
      null,
    ]);
    expect(await queries.summary('user-1', '2026-11')).toMatchObject({
      dataMb: 3,
      smsCount: 1,
      records: 2,
    });
    expect(await queries.summary('user-2', '2026-11')).toMatchObject({
      voiceSeconds: 60,
      records: 1,
    });
  });

  it('records an id once when two requests race for it; the loser is a duplicate or a conflict', async () => {
    const same = Array.from({ length: 50 }, (_, i) => anInput({ id: `race-${i}`, amount: 2 }));
    const other = same.map((input, i) => (i % 2 === 0 ? input : { ...input, amount: 3 }));
    const [first, second] = await Promise.all([recordUsages(same, now), recordUsages(other, now)]);
    for (let i = 0; i < same.length; i++) {
      const kinds = [first[i]!.kind, second[i]!.kind].sort();
      expect(kinds).toEqual(i % 2 === 0 ? ['accepted', 'duplicate'] : ['accepted', 'rejected']);
    }
    const counts = countByUsageId(await env.published());
    expect(same.map((s) => counts[s.id])).toEqual(same.map(() => 1));
    expect(await env.outbox.pending()).toBe(0);
    const page = await queries.page('user-1', '2026-11', { first: 200 });
    expect(page.edges.filter((e) => e.node.id.startsWith('race-'))).toHaveLength(50);
  });
});
