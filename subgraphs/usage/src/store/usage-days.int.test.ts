import { DomainError } from '@tally/errors';
import { makeUsageQueries } from '../use-cases/usage-queries';
import { openDb, TIME_ZONE } from '../../test/support/infra';
import { aRecord } from '../../test/support/builders';
import type { UsageRecord } from '../domain/usage-record';
import { makeStores, type Stores } from '.';

describe('usage read model (usage_days) on the real Mongo-wire server', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let stores: Stores;
  let queries: ReturnType<typeof makeUsageQueries>;

  beforeAll(async () => {
    opened = await openDb('usage-days');
    stores = makeStores(opened.db, TIME_ZONE);
    await stores.ready();
    queries = makeUsageQueries(stores);
  });
  afterAll(() => opened.close());

  /** Every page of a user's period, following the cursors. */
  async function allPages(
    userId: string,
    period: string,
    first: number,
    type?: UsageRecord['type'],
  ) {
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof queries.page>> = await queries.page(userId, period, {
        type,
        first,
        after,
      });
      pages.push(page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
  }

  it('pages a month newest first across day buckets, each record once', async () => {
    // 3 records a day on 20 days, some sharing an instant (the id breaks the tie).
    const records = Array.from({ length: 60 }, (_, i) =>
      aRecord({
        id: `p-${String(i).padStart(2, '0')}`,
        userId: 'pager',
        type: (['DATA', 'VOICE', 'SMS'] as const)[i % 3],
        amount: i + 1,
        occurredAt: new Date(Date.UTC(2026, 10, 1 + Math.floor(i / 3), 1, i % 2 === 0 ? 0 : 30)),
      }),
    );
    await stores.days.write(records);
    const expected = [...records]
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);

    const pages = await allPages('pager', '2026-11', 7);
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    // One page holding the whole month.
    expect(await allPages('pager', '2026-11', 200)).toEqual([expected]);
    // The type filter keeps the order.
    const sms = records.filter((r) => r.type === 'SMS').map((r) => r.id);
    expect((await allPages('pager', '2026-11', 4, 'SMS')).flat()).toEqual(
      expected.filter((id) => sms.includes(id)),
    );
  });

  it('reads only the buckets a page needs, by _id $in, however long the history', async () => {
    const records = Array.from({ length: 120 }, (_, i) =>
      aRecord({
        id: `h-${i}`,
        userId: 'history',
        occurredAt: new Date(Date.UTC(2026, 10, 1 + (i % 30), 5, Math.floor(i / 30))),
      }),
    );
    await stores.days.write(records);
    opened.commands.length = 0;
    const page = await queries.page('history', '2026-11', { first: 5 });
    expect(page.edges).toHaveLength(5);
    const reads = opened.commands.filter((c) => c.name === 'find');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.collection).toBe('usage_days');
    expect(Object.keys(reads[0]!.filter!)).toEqual(['_id']);
    expect((reads[0]!.filter!._id as { $in: string[] }).$in).toHaveLength(4);

    opened.commands.length = 0;
    await queries.summary('history', '2026-11');
    const summaryReads = opened.commands.filter((c) => c.name === 'find');
    expect(summaryReads).toHaveLength(1);
    expect((summaryReads[0]!.filter!._id as { $in: string[] }).$in).toHaveLength(30);
  });

  it('keeps a cursor stable while newer and older records arrive', async () => {
    const day = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));
    await stores.days.write(
      [1, 2, 3, 4, 5, 6].map((d) =>
        aRecord({ id: `s-${d}`, userId: 'stable', occurredAt: day(d, 3) }),
      ),
    );
    const first = await queries.page('stable', '2026-11', { first: 3 });
    expect(first.edges.map((e) => e.node.id)).toEqual(['s-6', 's-5', 's-4']);

    await stores.days.write([
      aRecord({ id: 's-newer', userId: 'stable', occurredAt: day(7, 3) }),
      aRecord({ id: 's-middle', userId: 'stable', occurredAt: day(2, 9) }),
    ]);
    const second = await queries.page('stable', '2026-11', {
      first: 3,
      after: first.pageInfo.endCursor,
    });
    expect(second.edges.map((e) => e.node.id)).toEqual(['s-3', 's-middle', 's-2']);
    expect(second.pageInfo.hasNextPage).toBe(true);
  });

  it('places a record by its day in the billing time zone, and sums a month', async () => {
    await stores.days.write([
      // 00:00 on 1 November in Seoul is still 31 October in UTC.
      aRecord({
        id: 'm-nov-first',
        userId: 'month',
        type: 'DATA',
        amount: 100,
        occurredAt: new Date('2026-10-31T15:00:00Z'),
      }),
      aRecord({
        id: 'm-oct-last',
        userId: 'month',
        type: 'DATA',
        amount: 7,
        occurredAt: new Date('2026-10-31T14:59:59Z'),
      }),
      aRecord({
        id: 'm-voice',
        userId: 'month',
        type: 'VOICE',
        amount: 60,
        occurredAt: new Date('2026-11-15T00:00:00Z'),
      }),
      aRecord({
        id: 'm-sms',
        userId: 'month',
        type: 'SMS',
        amount: 2,
        occurredAt: new Date('2026-11-30T14:59:59Z'),
      }),
      aRecord({
        id: 'm-dec',
        userId: 'month',
        type: 'SMS',
        amount: 9,
        occurredAt: new Date('2026-11-30T15:00:00Z'),
      }),
      aRecord({ id: 'other-user', userId: 'someone-else', amount: 1000 }),
    ]);
    expect(await queries.summary('month', '2026-11')).toEqual({
      period: '2026-11',
      dataMb: 100,
      voiceSeconds: 60,
      smsCount: 2,
      records: 3,
    });
    expect(await queries.summary('month', '2026-10')).toMatchObject({ dataMb: 7, records: 1 });
    expect(await queries.summary('month', '2026-12')).toMatchObject({ smsCount: 9, records: 1 });
    expect((await allPages('month', '2026-11', 10)).flat()).toEqual([
      'm-sms',
      'm-voice',
      'm-nov-first',
    ]);
  });

  it('writes the same records again without changing anything', async () => {
    const records = [
      aRecord({ id: 'i-1', userId: 'idem', amount: 3 }),
      aRecord({ id: 'i-2', userId: 'idem', amount: 4 }),
    ];
    await stores.days.write(records);
    await stores.days.write(records);
    await stores.days.write([records[1]!]);
    expect(await queries.summary('idem', '2026-11')).toMatchObject({ dataMb: 7, records: 2 });
  });

  it('keeps ids that are not safe field names as they were given', async () => {
    const odd = ['a.b$c%', '$set', 'x%2Ey', '..', '%'];
    await stores.days.write(odd.map((id, i) => aRecord({ id, userId: 'odd', amount: i + 1 })));
    const page = await queries.page('odd', '2026-11', { first: 10 });
    expect(page.edges.map((e) => e.node.id).sort()).toEqual([...odd].sort());
    expect(page.edges.find((e) => e.node.id === 'a.b$c%')!.node).toEqual(
      aRecord({ id: 'a.b$c%', userId: 'odd', amount: 1 }),
    );
  });

  it('answers an empty page and a zero summary for a period with nothing', async () => {
    expect(await queries.page('nobody', '2026-02', { first: 5 })).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(await queries.summary('nobody', '2026-02')).toEqual({
      period: '2026-02',
      dataMb: 0,
      voiceSeconds: 0,
      smsCount: 0,
      records: 0,
    });
  });

  it('refuses a malformed period, page size or cursor with BAD_USER_INPUT', async () => {
    const bad = expect.objectContaining({ code: 'BAD_USER_INPUT' });
    await expect(queries.page('u', '2026-13', { first: 5 })).rejects.toEqual(bad);
    await expect(queries.summary('u', 'November')).rejects.toEqual(bad);
    await expect(queries.page('u', '2026-11', { first: 201 })).rejects.toEqual(bad);
    await expect(queries.page('u', '2026-11', { first: 5, after: 'nope' })).rejects.toBeInstanceOf(
      DomainError,
    );
    for (const parts of [
      ['id', 5],
      [8.7e15, 'id'],
    ]) {
      const after = Buffer.from(JSON.stringify(parts)).toString('base64url');
      await expect(queries.page('u', '2026-11', { first: 5, after })).rejects.toEqual(bad);
    }
  });
});
