import { diffRecords, isClean } from './diff';
import { mergeById } from './merge-by-id';
import type { UsageRecord } from './usage-record';

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const record = (id: string, over: Partial<UsageRecord> = {}): UsageRecord => ({
  _id: id,
  userId: 'user-1',
  type: 'DATA',
  amount: 10,
  occurredAt: new Date('2026-10-05T01:00:00.000Z'),
  recordedAt: new Date('2026-10-05T01:00:01.000Z'),
  ...over,
});

describe('diffRecords', () => {
  it('finds nothing when both hold equal copies (dates compared by instant)', async () => {
    const store = ['a', 'b', 'c'].map((id) => record(id));
    const backup = ['a', 'b', 'c'].map((id) => record(id));
    const diff = await diffRecords(stream(store), stream(backup), 10);
    expect(diff).toMatchObject({ storeCount: 3, backupCount: 3 });
    expect(isClean(diff)).toBe(true);
  });

  it('sorts every id into missing, only-in-backup or differing, and counts each side', async () => {
    const store = [record('a'), record('b', { amount: 11 }), record('c'), record('e')];
    const backup = [record('b'), record('c'), record('d'), record('f')];
    const diff = await diffRecords(stream(store), stream(backup), 10);
    expect(diff).toEqual({
      storeCount: 4,
      backupCount: 4,
      missing: { count: 2, first: ['a', 'e'] },
      extra: { count: 2, first: ['d', 'f'] },
      differing: { count: 1, first: [{ id: 'b', fields: ['amount: 11 ≠ 10'] }] },
    });
    expect(isClean(diff)).toBe(false);
  });

  it('names every differing field, instants in ISO form', async () => {
    const later = new Date('2026-10-06T00:00:00.000Z');
    const diff = await diffRecords(
      stream([record('a')]),
      stream([record('a', { type: 'SMS', occurredAt: later })]),
      10,
    );
    expect(diff.differing.first[0]!.fields).toEqual([
      'type: "DATA" ≠ "SMS"',
      'occurredAt: 2026-10-05T01:00:00.000Z ≠ 2026-10-06T00:00:00.000Z',
    ]);
  });

  it('lists the first N of each kind but counts them all', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `id-${String(i).padStart(2, '0')}`);
    const diff = await diffRecords(stream(ids.map((id) => record(id))), stream([]), 3);
    expect(diff.missing).toEqual({ count: 25, first: ['id-00', 'id-01', 'id-02'] });
    expect(diff.backupCount).toBe(0);
  });

  it('handles empty stores', async () => {
    expect(isClean(await diffRecords(stream([]), stream([]), 10))).toBe(true);
  });
});

describe('mergeById', () => {
  it('stops with an error rather than misreport when ids arrive out of order', async () => {
    const walk = async () => {
      for await (const _ of mergeById(stream([{ _id: 'b' }, { _id: 'a' }]), stream([]))) {
        // drain
      }
    };
    await expect(walk()).rejects.toThrow('usage store: ids out of order ("a" after "b")');
  });
});
