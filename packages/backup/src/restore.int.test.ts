import { mongoUrl, uniqueName } from '@tally/testkit';
import { MongoClient } from 'mongodb';
import { restoreBackup } from './restore';
import { openStores, type RecordDoc, type Stores } from './stores';
import { verifyBackup } from './verify';

const record = (id: string, over: Partial<RecordDoc> = {}): RecordDoc => ({
  _id: id,
  userId: 'user-1',
  type: 'DATA',
  amount: 10,
  occurredAt: new Date('2026-10-05T01:00:00.000Z'),
  recordedAt: new Date('2026-10-05T01:00:01.000Z'),
  ...over,
});

describe('backup:restore on the real Mongo-wire server', () => {
  let stores: Stores;
  const settings = {
    mongoUrl: mongoUrl(),
    usageDatabase: uniqueName('restore-usage'),
    backupDatabase: uniqueName('restore-backup'),
    collection: 'usage_records',
  };

  beforeAll(async () => {
    stores = await openStores(settings);
  });
  afterAll(async () => {
    const client = await MongoClient.connect(settings.mongoUrl);
    await client.db(settings.usageDatabase).dropDatabase();
    await client.db(settings.backupDatabase).dropDatabase();
    await client.close();
    await stores.close();
  });

  it('puts the missing records back with their day buckets, writing no outbox intent', async () => {
    const backup = [
      record('kept'),
      record('lost.1$%', { type: 'SMS', amount: 2 }),
      // 00:30 on 1 November in Seoul: November's bucket, although 31 October in UTC.
      record('lost-2', { type: 'VOICE', amount: 60, occurredAt: new Date('2026-10-31T15:30:00Z') }),
      record('lost-3', { userId: 'user-2' }),
    ];
    await stores.backup.insertMany(backup);
    await stores.store.insertOne({ ...record('kept'), outboxId: 'intent-1' });

    const result = await restoreBackup(stores, {
      period: null,
      timeZone: 'Asia/Seoul',
      batchSize: 2,
    });
    expect(result).toEqual({ missing: 3, restored: 3, alreadyThere: 0 });
    expect(await stores.store.findOne({ _id: 'lost.1$%' })).toEqual(backup[1]);

    const buckets = await stores.days
      .find({ _id: { $in: ['user-1|2026-10-05', 'user-1|2026-11-01', 'user-2|2026-10-05'] } })
      .toArray();
    expect(Object.fromEntries(buckets.map((b) => [b._id, b.items]))).toEqual({
      'user-1|2026-10-05': {
        'lost%2E1%24%25': {
          t: 'SMS',
          a: 2,
          o: backup[1]!.occurredAt,
          r: backup[1]!.recordedAt,
        },
      },
      'user-1|2026-11-01': {
        'lost-2': { t: 'VOICE', a: 60, o: backup[2]!.occurredAt, r: backup[2]!.recordedAt },
      },
      'user-2|2026-10-05': {
        'lost-3': { t: 'DATA', a: 10, o: backup[3]!.occurredAt, r: backup[3]!.recordedAt },
      },
    });
    const usageDb = stores.days.db;
    expect(await usageDb.collection('outbox').countDocuments({})).toBe(0);

    const diff = await verifyBackup(stores, { period: null, timeZone: 'Asia/Seoul', list: 5 });
    expect(diff).toMatchObject({ storeCount: 4, backupCount: 4 });
    expect(diff.missing.count + diff.extra.count + diff.differing.count).toBe(0);
  });

  it('leaves a record written meanwhile as it is, and its bucket as the stored record says', async () => {
    await stores.backup.insertOne(
      record('raced', { amount: 5, occurredAt: new Date('2026-10-07T00:00:00Z') }),
    );
    const stored = record('raced', { amount: 6, occurredAt: new Date('2026-10-07T00:00:00Z') });
    // Written after the restore listed what is missing, before it inserts.
    const insertMany = stores.store.insertMany.bind(stores.store);
    const racing = jest
      .spyOn(stores.store, 'insertMany')
      .mockImplementationOnce(async (docs, options) => {
        await stores.store.insertOne({ ...stored, outboxId: 'intent-2' });
        return insertMany(docs, options);
      });

    const result = await restoreBackup(stores, { period: null, timeZone: 'Asia/Seoul' });
    racing.mockRestore();
    expect(result).toEqual({ missing: 1, restored: 0, alreadyThere: 1 });
    expect(await stores.store.findOne({ _id: 'raced' })).toMatchObject({ amount: 6 });
    const bucket = await stores.days.findOne({ _id: 'user-1|2026-10-07' });
    expect(bucket!.items.raced).toMatchObject({ a: 6 });
  });

  it('refuses a backup record whose type is no usage type, before writing anything of its batch', async () => {
    await stores.backup.insertOne(record('bad-type', { type: 'FAX' }));
    await expect(restoreBackup(stores, { period: null, timeZone: 'Asia/Seoul' })).rejects.toThrow(
      'backup record bad-type has type "FAX": not a usage type',
    );
    expect(await stores.store.findOne({ _id: 'bad-type' })).toBeNull();
  });
});
