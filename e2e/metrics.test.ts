import { join } from 'node:path';
import { freePort } from '@tally/infra';
import { readFileSync } from 'node:fs';
import {
  ALL_METRIC_NAMES,
  METRIC,
  RUNTIME_METRIC_NAMES,
  SERVICE_METRIC_NAMES,
} from '@tally/service-kit';
import { eventually, metricNames, sampleValue } from '@tally/testkit';
import { load } from 'js-yaml';
import {
  dashboardMetrics,
  dashboardQueries,
  metricsInExpression,
} from './support/dashboard-metrics';
import { createTestStack, gql, type ServiceName } from './support/test-stack';
import { runToExit } from './support/run-to-exit';

/** Which service's list of metric names each process of the stack exports. */
const LISTED: Array<[ServiceName, keyof typeof SERVICE_METRIC_NAMES]> = [
  ['gateway', 'gateway'],
  ['user', 'user-subgraph'],
  ['usage', 'usage-subgraph'],
  ['settlement', 'settlement-subgraph'],
  ['registry', 'registry-service'],
  ['config', 'config-service'],
];

const CONFIG_TOKENS = [
  'gateway',
  'registry-service',
  'user-subgraph',
  'usage-subgraph',
  'settlement-subgraph',
]
  .map((s) => `${s}=e2e-config-token-of-${s}`)
  .join(',');
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';

describe('/metrics on every service of the stack', () => {
  const stack = createTestStack();
  let gatewayUrl: string;
  beforeAll(async () => {
    const [{ gateway }] = await Promise.all([stack.startAll(), stack.start('config')]);
    gatewayUrl = gateway.url;
  }, 180_000);
  afterAll(() => stack.stopAll());

  const scrape = async (name: ServiceName) => {
    const res = await fetch(`${stack.instances(name)[0]!.url}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it.each(LISTED)(
    '%s exports every metric named for it and the runtime figures',
    async (name, listed) => {
      const declared = metricNames(await scrape(name));
      expect(declared).toEqual(
        expect.arrayContaining([...SERVICE_METRIC_NAMES[listed], ...RUNTIME_METRIC_NAMES]),
      );
    },
  );

  it('exports every metric the Grafana dashboard charts (infra/grafana)', async () => {
    const exported = new Set<string>();
    for (const [name] of LISTED) metricNames(await scrape(name)).forEach((n) => exported.add(n));
    expect(dashboardMetrics().filter((n) => !exported.has(n))).toEqual([]);
  });

  it('counts a query at the gateway by name, and its fetch from the subgraph by instance', async () => {
    const answer = await gql(gatewayUrl, 'query MetricsPlans { plans { id } }');
    expect(answer.errors).toBeUndefined();
    const gateway = await scrape('gateway');
    expect(
      sampleValue(gateway, METRIC.graphqlRequests, { operation: 'MetricsPlans', code: 'OK' }),
    ).toBe(1);
    expect(
      sampleValue(gateway, `${METRIC.subgraphFetchDuration}_count`, {
        subgraph: 'user',
        instance: `user-${new URL(stack.instances('user')[0]!.url).port}`,
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(gateway).toMatch(
      new RegExp(`^${METRIC.gatewaySupergraph}\\{supergraph_id="[0-9a-f]+"`, 'm'),
    );
    // The subgraph saw the gateway's own operation for it.
    const user = await scrape('user');
    expect(sampleValue(user, METRIC.graphqlRequests, { code: 'OK' })).toBeGreaterThanOrEqual(1);
    // Settlement's consumer has caught up with what the stack published (nothing is stuck).
    await eventually('settlement caught up', async () => {
      const lags = (await scrape('settlement'))
        .split('\n')
        .filter((l) => l.startsWith(`${METRIC.consumerLag}{`));
      return lags.length > 0 && lags.every((l) => l.endsWith(' 0')) ? true : undefined;
    });
  });
});

describe('/metrics in production', () => {
  const stack = createTestStack();
  afterAll(() => stack.stopAll());

  it('refuses to start without METRICS_TOKEN, naming the setting', async () => {
    const { code, output } = await runToExit('config-service/dist/main.js', {
      NODE_ENV: 'production',
      CONFIG_TOKENS,
      METRICS_TOKEN: '',
      PORT: String(await freePort()),
    });
    expect(code).not.toBe(0);
    expect(output).toContain('metrics.token: a required secret is empty (env METRICS_TOKEN)');
  });

  it('answers 401 without the metrics token or with a wrong one, and 200 with it', async () => {
    const config = await stack.start('config', {
      NODE_ENV: 'production',
      CONFIG_TOKENS,
      METRICS_TOKEN,
    });
    const scrape = (authorization?: string) =>
      fetch(`${config.url}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}-not`)).status).toBe(401);
    const allowed = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(metricNames(await allowed.text())).toContain(METRIC.configRequests);
  });
});

describe('the Grafana dashboard and Prometheus of docker-compose', () => {
  const root = join(__dirname, '..');

  it('reads the metric names out of PromQL, not its functions, labels or ranges', () => {
    expect(
      metricsInExpression(
        'histogram_quantile(0.95, sum by (le, operation) (rate(x_seconds_bucket{job="a(b)"}[5m]))) / on(job) y or z:rate5m',
      ),
    ).toEqual(['x_seconds', 'y', 'z:rate5m']);
  });

  it('charts only metrics Tally declares, and every panel has a query', () => {
    const charted = dashboardMetrics();
    expect(charted.length).toBeGreaterThan(15);
    expect(charted.filter((n) => !ALL_METRIC_NAMES.includes(n))).toEqual([]);
    for (const panel of dashboardQueries())
      expect(panel.exprs.every((e) => e.length > 0)).toBe(true);
  });

  it('scrapes every service compose runs, at the port it listens on, with the metrics token', () => {
    const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { environment?: Record<string, unknown> }>;
    };
    const prometheus = load(
      readFileSync(join(root, 'infra/prometheus/prometheus.yml'), 'utf8'),
    ) as {
      scrape_configs: Array<{
        authorization?: { credentials_file?: string };
        static_configs: Array<{ targets: string[] }>;
      }>;
    };
    const services = Object.entries(compose.services)
      .filter(([, s]) =>
        /^(supergraph|subgraphs|registry-service|config-service)\//.test(
          (s.environment?.SERVICE_ENTRY as string | undefined) ?? '',
        ),
      )
      .map(([name, s]) => `${name}:${String(s.environment?.PORT)}`)
      .sort();
    const targets = prometheus.scrape_configs
      .flatMap((c) => c.static_configs.flatMap((t) => t.targets))
      .sort();
    expect(targets).toEqual(services);
    for (const job of prometheus.scrape_configs)
      expect(job.authorization?.credentials_file).toBe('/run/secrets/metrics-token');
  });
});
