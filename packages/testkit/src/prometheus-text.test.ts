import { metricNames, parseSamples, sampleValue } from './prometheus-text';

const TEXT = [
  '# HELP tally_graphql_requests_total GraphQL requests',
  '# TYPE tally_graphql_requests_total counter',
  'tally_graphql_requests_total{operation="SignUp",code="OK",service="user-subgraph"} 2',
  'tally_graphql_requests_total{operation="anonymous",code="CONFLICT",service="user-subgraph"} 1',
  '# TYPE process_cpu_seconds_total counter',
  'process_cpu_seconds_total 0.25',
  'odd{reason="a \\"quoted\\" word"} 1',
].join('\n');

describe('reading a Prometheus scrape', () => {
  it('finds a sample by name and some of its labels', () => {
    expect(sampleValue(TEXT, 'tally_graphql_requests_total', { operation: 'SignUp' })).toBe(2);
    expect(sampleValue(TEXT, 'tally_graphql_requests_total', { code: 'CONFLICT' })).toBe(1);
    expect(sampleValue(TEXT, 'tally_graphql_requests_total', { code: 'FORBIDDEN' })).toBe(
      undefined,
    );
    expect(sampleValue(TEXT, 'process_cpu_seconds_total')).toBe(0.25);
  });

  it('unescapes label values and lists the declared families', () => {
    expect(parseSamples(TEXT).at(-1)?.labels).toEqual({ reason: 'a "quoted" word' });
    expect(metricNames(TEXT)).toEqual([
      'tally_graphql_requests_total',
      'process_cpu_seconds_total',
    ]);
  });
});
