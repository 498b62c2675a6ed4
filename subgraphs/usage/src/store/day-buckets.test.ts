import { dayBucketUpdates, dayOf, usageDayId, type DayBucketRecord } from './day-buckets';

const record = (id: string, occurredAt: string, userId = 'user-1'): DayBucketRecord => ({
  id,
  userId,
  type: 'DATA',
  amount: 5,
  occurredAt: new Date(occurredAt),
  recordedAt: new Date('2026-11-30T00:00:00Z'),
});

describe('dayOf', () => {
  it('is the calendar day in the billing time zone, not in UTC', () => {
    expect(dayOf(new Date('2026-10-31T15:00:00Z'), 'Asia/Seoul')).toBe('2026-11-01');
    expect(dayOf(new Date('2026-10-31T14:59:59Z'), 'Asia/Seoul')).toBe('2026-10-31');
  });
});

describe('dayBucketUpdates', () => {
  it('writes one upsert per (user, day) bucket, each item under its escaped id', () => {
    const ops = dayBucketUpdates(
      [
        record('a.1', '2026-11-01T01:00:00+09:00'),
        record('a.2', '2026-11-01T23:00:00+09:00'),
        record('b', '2026-11-02T00:00:00+09:00'),
        record('c', '2026-11-01T02:00:00+09:00', 'user-2'),
      ],
      'Asia/Seoul',
    );
    expect(ops.map((o) => o.updateOne.filter._id)).toEqual([
      usageDayId('user-1', '2026-11-01'),
      usageDayId('user-1', '2026-11-02'),
      usageDayId('user-2', '2026-11-01'),
    ]);
    expect(ops[0]!.updateOne).toEqual({
      filter: { _id: 'user-1|2026-11-01' },
      update: {
        $set: {
          'items.a%2E1': {
            t: 'DATA',
            a: 5,
            o: new Date('2026-11-01T01:00:00+09:00'),
            r: new Date('2026-11-30T00:00:00Z'),
          },
          'items.a%2E2': expect.objectContaining({ o: new Date('2026-11-01T23:00:00+09:00') }),
        },
        $setOnInsert: { userId: 'user-1', day: '2026-11-01' },
      },
      upsert: true,
    });
  });

  it('writes nothing for no records', () => {
    expect(dayBucketUpdates([], 'Asia/Seoul')).toEqual([]);
  });
});
