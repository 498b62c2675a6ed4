import { createEvent, toKafkaMessage, topicsSchema } from '@tally/events';
import type { Outbox } from '@tally/service-kit';
import { uniqueName } from '@tally/testkit';
import {
  logger,
  newTopic,
  openDb,
  testBus,
  testOutbox,
  TIME_ZONE,
} from '../../../test/support/infra';
import { startUsageServer } from '../../../test/support/server';
import { countByUsageId, eventsOnTopic } from '../../../test/support/topic';
import type { UsageRecord } from '../../domain/usage-record';
import { usageRecorded } from '../../events/usage-events';
import { USAGE_RECORD_KIND } from '../../use-cases/deps';
import { makeRedoUsageRecord } from '../../use-cases/redo-usage-record';
import { makeStores } from '..';
import { migrateToLayout2 } from './layout-2';

const USER = 'migrated-user';

type Doc = { _id: string } & Record<string, unknown>;
const RECORDS = 2_345; // three batches of the migration
const TYPES = ['DATA', 'VOICE', 'SMS'] as const;

/** What the layout-1 code stored: records with in-document outbox fields, no day buckets. */
function layout1Record(i: number) {
  return {
    _id: `old.${String(i).padStart(5, '0')}`,
    userId: i % 5 === 0 ? 'other-user' : USER,
    type: TYPES[i % 3]!,
    amount: 1 + (i % 4),
    occurredAt: new Date(Date.UTC(2026, 9, 20, 0, 0, 0) + i * 20 * 60_000), // 20 Oct → 21 Nov
    recordedAt: new Date('2026-11-25T00:00:00Z'),
  };
}

describe('usage layout 1 → 2 at start', () => {
  const bus = testBus();
  let opened: Awaited<ReturnType<typeof openDb>>;
  let usageTopic: string;
  let server: Awaited<ReturnType<typeof startUsageServer>> | undefined;

  beforeAll(async () => {
    opened = await openDb('usage-migrate');
    usageTopic = await newTopic(bus, 'usage-migrate');
  });
  afterAll(async () => {
    await server?.stop();
    await opened.close();
  });

  it('builds the day buckets, publishes the still pending event once, and drops the old outbox fields', async () => {
    const records = Array.from({ length: RECORDS }, (_, i) => layout1Record(i));
    const pending = records[RECORDS - 1]!;
    const pendingEvent = createEvent('UsageRecorded', pending.userId, {
      usageId: pending._id,
      userId: pending.userId,
      type: pending.type,
      amount: pending.amount,
      occurredAt: pending.occurredAt.toISOString(),
      recordedAt: pending.recordedAt.toISOString(),
    });
    const collection = opened.db.collection<Doc>('usage_records');
    await collection.insertMany(
      records.map((r) =>
        r === pending
          ? {
              ...r,
              outbox: [{ topic: usageTopic, ...toKafkaMessage(pendingEvent) }],
              outboxPending: true,
            }
          : r,
      ),
    );
    await opened.db.collection<Doc>('known_users').insertOne({ _id: USER, source: 'event' });

    server = await startUsageServer(opened.db, {
      usage: usageTopic,
      users: uniqueName('usage-migrate-users'),
    });

    const meta = await opened.db.collection<Doc>('tally_layout').findOne({ _id: 'usage-subgraph' });
    expect(meta).toMatchObject({ version: 2 });
    expect(await collection.countDocuments({ outbox: { $exists: true } })).toBe(0);
    expect(await collection.countDocuments({ outboxPending: { $exists: true } })).toBe(0);
    expect(await collection.findOne({ _id: pending._id })).toMatchObject({
      outboxId: expect.any(String),
    });

    // The user's November, newest first, and its summary: from the buckets the migration built.
    const november = records
      .filter((r) => r.userId === USER && r.occurredAt >= new Date('2026-10-31T15:00:00Z'))
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
    const data = await server.gql<{
      _entities: Array<{
        usages: { edges: Array<{ node: { id: string; amount: number } }> };
        usageSummary: { dataMb: number; voiceSeconds: number; smsCount: number; records: number };
      }>;
    }>(
      `query($u: [_Any!]!) { _entities(representations: $u) { ... on User {
        usages(period: "2026-11", first: 3) { edges { node { id amount } } }
        usageSummary(period: "2026-11") { dataMb voiceSeconds smsCount records } } } }`,
      { u: [{ __typename: 'User', id: USER }] },
    );
    const [user] = data._entities;
    expect(user!.usages.edges.map((e) => e.node.id)).toEqual(
      november.slice(0, 3).map((r) => r._id),
    );
    const sum = (type: string) =>
      november.filter((r) => r.type === type).reduce((n, r) => n + r.amount, 0);
    expect(user!.usageSummary).toEqual({
      dataMb: sum('DATA'),
      voiceSeconds: sum('VOICE'),
      smsCount: sum('SMS'),
      records: november.length,
    });
    const byId = await server.gql<{ usageRecord: { id: string; user: { id: string } } }>(
      `{ usageRecord(id: "${records[7]!._id}") { id user { id } } }`,
    );
    expect(byId.usageRecord).toEqual({ id: records[7]!._id, user: { id: USER } });

    // The event the old relay still owed goes out once, as it was written (same event id).
    await server.built.outbox.flush();
    const events = await eventsOnTopic(bus, usageTopic);
    expect(countByUsageId(events)).toEqual({ [pending._id]: 1 });
    expect(events[0]!.id).toBe(pendingEvent.id);
    expect(await server.built.outbox.pending()).toBe(0);
  });

  it('starts again over the migrated database without migrating or publishing anything', async () => {
    await server!.stop();
    server = await startUsageServer(opened.db, {
      usage: usageTopic,
      users: uniqueName('usage-migrate-users'),
    });
    await server.built.outbox.flush();
    expect(countByUsageId(await eventsOnTopic(bus, usageTopic))).toEqual({
      [layout1Record(RECORDS - 1)._id]: 1,
    });
  });
});

describe('usage layout 1 → 2 run again after a crash', () => {
  const bus = testBus();

  it('publishes a pending event once although the first run died between intent and record', async () => {
    const opened = await openDb('usage-migrate-crash');
    const topic = await newTopic(bus, 'usage-migrate-crash');
    const topics = topicsSchema.parse({ usage: topic });
    const eventsOf = (r: UsageRecord) => [usageRecorded(topics, r)];
    const stores = makeStores(opened.db, TIME_ZONE);
    const outbox = testOutbox(opened.db, bus, {
      [USAGE_RECORD_KIND]: makeRedoUsageRecord(stores),
    });
    try {
      const records = [layout1Record(1), layout1Record(2), layout1Record(3)];
      await opened.db
        .collection<Doc>('usage_records')
        .insertMany(records.map((r, i) => (i === 1 ? { ...r, outboxPending: true } : r)));

      const dying: Pick<Outbox, 'intend'> = {
        intend: async (entries) => {
          await outbox.intend(entries);
          throw new Error('killed after writing the intents');
        },
      };
      await expect(
        migrateToLayout2({ outbox: dying, timeZone: TIME_ZONE, eventsOf })(opened.db, logger),
      ).rejects.toThrow('killed');
      await migrateToLayout2({ outbox, timeZone: TIME_ZONE, eventsOf })(opened.db, logger);
      expect(await outbox.pending()).toBe(2); // the orphan and the one the record carries

      await outbox.start();
      await outbox.flush();
      expect(countByUsageId(await eventsOnTopic(bus, topic))).toEqual({ [records[1]!._id]: 1 });
      expect(await outbox.pending()).toBe(0);
      expect(await stores.days.summary(USER, '2026-10')).toMatchObject({ records: 3 });
    } finally {
      await outbox.stop();
      await opened.close();
    }
  });
});
