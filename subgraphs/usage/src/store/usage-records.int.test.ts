import { openDb, TIME_ZONE } from '../../test/support/infra';
import { aRecord } from '../../test/support/builders';
import { makeStores, type Stores } from '.';

describe('usage records (usage_records) on the real Mongo-wire server', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let stores: Stores;

  beforeAll(async () => {
    opened = await openDb('usage-records');
    stores = makeStores(opened.db, TIME_ZONE);
    await stores.ready();
  });
  afterAll(() => opened.close());

  it('stores each record with its intent id, and answers ids already taken with what is stored', async () => {
    const first = aRecord({ id: 'r.1$%', amount: 5 });
    expect(await stores.records.insertNew([{ record: first, outboxId: 'intent-a' }])).toEqual(
      new Map(),
    );
    const refused = await stores.records.insertNew([
      { record: { ...first, amount: 6 }, outboxId: 'intent-b' },
      { record: aRecord({ id: 'r-2' }), outboxId: 'intent-c' },
    ]);
    expect([...refused]).toEqual([['r.1$%', { ...first, outboxId: 'intent-a' }]]);
    expect(await stores.records.byIds(['r-2', 'missing', 'r.1$%'])).toEqual(
      expect.arrayContaining([
        { ...first, outboxId: 'intent-a' },
        { ...aRecord({ id: 'r-2' }), outboxId: 'intent-c' },
      ]),
    );
    expect(await stores.records.byIds([])).toEqual([]);
  });

  it('reads records by _id only', async () => {
    opened.commands.length = 0;
    await stores.records.byIds(['r-2', 'r-3']);
    const reads = opened.commands.filter((c) => c.name === 'find');
    expect(reads.map((r) => Object.keys(r.filter!))).toEqual([['_id']]);
  });
});
