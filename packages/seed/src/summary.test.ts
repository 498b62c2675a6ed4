import { summaryLines } from './summary';

const closed = { period: '2026-11', invoices: 50, alreadyClosed: false, retried: false };
const invoices = [
  { number: 'INV-202611-000001', total: 45230, user: { name: 'Kim Minjun 0' } },
  { number: 'INV-202611-000002', total: 30000, user: { name: 'Lee Minjun 1' } },
];
const record = {
  id: 'seed-late-2026-11-0',
  userId: 'u0',
  type: 'DATA' as const,
  amount: 100,
  occurredAt: '2026-11-20T03:00:00.000Z',
};
const shown = {
  name: 'Kim Minjun 0',
  bill: {
    period: '2026-12',
    total: 32000,
    baseFee: 30000,
    overageCharge: 0,
    adjustmentTotal: 2000,
    adjustments: [
      { forPeriod: '2026-11', amount: 2000, usage: { dataMb: 100, voiceSeconds: 0, smsCount: 0 } },
    ],
  },
};

describe('seed summary', () => {
  it('names the closed month, its first invoices and one adjustment', () => {
    const text = summaryLines({ closed, invoices, late: [{ record, shown }] }).join('\n');
    expect(text).toContain('2026-11: 50 invoices (closed by this run)');
    expect(text).toMatch(/INV-202611-000001\s+45,230 won\s+Kim Minjun 0/);
    expect(text).toContain(
      "Kim Minjun 0's 2026-12 bill: +2,000 won for 2026-11 (late usage 100 MB); bill total 32,000 won",
    );
  });
  it('says when the month was closed before and no adjustment shows yet', () => {
    const text = summaryLines({
      closed: { ...closed, alreadyClosed: true },
      invoices,
      late: [{ record, shown: null }],
    }).join('\n');
    expect(text).toContain('(closed before this run)');
    expect(text).toContain('not shown yet');
  });
});
