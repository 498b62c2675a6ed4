import { bucketsOf, bucketsSince, quantile } from './histogram';
import { parsePromText, samplesOf } from './prom-text';

const SCRAPE = `# HELP tally_outbox_pending Outbox intents not yet published
# TYPE tally_outbox_pending gauge
tally_outbox_pending{collection="outbox"} 3
tally_graphql_request_duration_seconds_bucket{le="0.01",operation="UserBill",code="OK"} 2
tally_graphql_request_duration_seconds_bucket{le="0.1",operation="UserBill",code="OK"} 8
tally_graphql_request_duration_seconds_bucket{le="+Inf",operation="UserBill",code="OK"} 10
tally_graphql_request_duration_seconds_bucket{le="0.01",operation="Plans",code="OK"} 50
tally_graphql_request_duration_seconds_bucket{le="0.1",operation="Plans",code="OK"} 50
tally_graphql_request_duration_seconds_bucket{le="+Inf",operation="Plans",code="OK"} 50
weird{label="a \\"quoted\\", comma\\nline"} 1 1700000000000
not a sample line
`;

describe('reading /metrics', () => {
  const samples = parsePromText(SCRAPE);

  it('reads names, labels (escapes included) and values, skipping comments and noise', () => {
    expect(samplesOf(samples, 'tally_outbox_pending')).toEqual([
      { name: 'tally_outbox_pending', labels: { collection: 'outbox' }, value: 3 },
    ]);
    expect(samplesOf(samples, 'weird')[0]?.labels.label).toBe('a "quoted", comma\nline');
    expect(samples.some((s) => s.name === 'not')).toBe(false);
  });

  it('sums the chosen series of a histogram per bucket', () => {
    const bills = bucketsOf(samples, 'tally_graphql_request_duration_seconds', (l) =>
      /bill/i.test(l.operation ?? ''),
    );
    expect([...bills]).toEqual([
      [0.01, 2],
      [0.1, 8],
      [Infinity, 10],
    ]);
  });
});

describe('histogram quantiles', () => {
  const buckets = new Map([
    [0.01, 2],
    [0.1, 8],
    [Infinity, 10],
  ]);

  it('interpolates inside the bucket, as histogram_quantile does', () => {
    expect(quantile(buckets, 0.5)).toBeCloseTo(0.01 + 0.09 * (3 / 6));
    expect(quantile(buckets, 0.1)).toBeCloseTo(0.005);
    // Beyond the last finite bound: the bound itself.
    expect(quantile(buckets, 0.95)).toBe(0.1);
  });

  it('says nothing when nothing was observed', () => {
    expect(quantile(new Map([[Infinity, 0]]), 0.5)).toBeNull();
    expect(quantile(new Map(), 0.5)).toBeNull();
  });

  it('takes what was observed since the last reading; a restarted process starts afresh', () => {
    const later = new Map([
      [0.01, 3],
      [0.1, 12],
      [Infinity, 15],
    ]);
    expect([...bucketsSince(later, buckets)]).toEqual([
      [0.01, 1],
      [0.1, 4],
      [Infinity, 5],
    ]);
    const restarted = new Map([
      [0.01, 1],
      [0.1, 1],
      [Infinity, 1],
    ]);
    expect(bucketsSince(restarted, buckets)).toEqual(restarted);
  });
});
