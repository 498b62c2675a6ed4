import { aRecord } from '../../test/support/builders';
import { countByUsageId } from '../../test/support/topic';
import { startUsageDeps } from '../../test/support/usage-deps';
import { USAGE_RECORD_KIND } from './deps';
import { makeUsageQueries } from './usage-queries';

describe('the outbox sweep finishes usage-record intents a crash left behind', () => {
  let env: Awaited<ReturnType<typeof startUsageDeps>>;
  let queries: ReturnType<typeof makeUsageQueries>;

  beforeAll(async () => {
    env = await startUsageDeps('redo-usage'); // no grace: a flush finishes every intent
    queries = makeUsageQueries(env.stores);
  });
  afterAll(() => env.close());

  const intend = (record: ReturnType<typeof aRecord>) =>
    env.outbox.intend([
      { kind: USAGE_RECORD_KIND, change: record, messages: env.eventsOf(record) },
    ]);

  it('an intent without its record (died after the intent): writes the record and its bucket, publishes once', async () => {
    const record = aRecord({ id: 'lost.1', amount: 7 });
    const [intentId] = await intend(record);

    const events = await env.published();
    expect(countByUsageId(events)).toEqual({ 'lost.1': 1 });
    expect(await env.stores.records.byIds(['lost.1'])).toEqual([{ ...record, outboxId: intentId }]);
    expect(await queries.summary('user-1', '2026-11')).toMatchObject({ dataMb: 7, records: 1 });
    expect(await env.outbox.pending()).toBe(0);
  });

  it('a record written under the intent but no bucket (died after the insert): writes the bucket, publishes once', async () => {
    const record = aRecord({ id: 'half', userId: 'user-2', type: 'SMS', amount: 2 });
    const [intentId] = await intend(record);
    await env.stores.records.insertNew([{ record, outboxId: intentId! }]);

    expect(countByUsageId(await env.published())['half']).toBe(1);
    expect(await queries.summary('user-2', '2026-11')).toMatchObject({ smsCount: 2, records: 1 });
  });

  it('a record that stands under another intent: publishes nothing and drops the intent', async () => {
    const stored = aRecord({ id: 'taken', amount: 1 });
    await env.stores.records.insertNew([{ record: stored, outboxId: 'another-intent' }]);
    await intend({ ...stored, amount: 99 });

    const events = await env.published();
    expect(countByUsageId(events)['taken']).toBeUndefined();
    expect(await env.outbox.pending()).toBe(0);
    expect(await env.stores.records.byIds(['taken'])).toEqual([
      { ...stored, outboxId: 'another-intent' },
    ]);
    // Its bucket is the other intent's to write: the refused change left none.
    expect(await queries.page('user-1', '2026-11', { first: 10 })).toMatchObject({
      edges: [{ node: { id: 'lost.1' } }],
    });
  });
});
