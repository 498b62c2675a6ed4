import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { Counter } from 'prom-client';
import { metricsAccess, MetricsTokenMissing } from './metrics-guard';
import { metricsRouter } from './metrics-route';
import { createServiceMetrics } from './service-metrics';

const TOKEN = 'a-metrics-token-of-the-test';

async function serve(access: { profile: string; metrics: { token?: string } }) {
  const metrics = createServiceMetrics('demo');
  new Counter({ name: 'demo_total', help: 'demo', registers: [metrics.registry] }).inc();
  const app = express().use(metricsRouter({ metrics, access, logger: pino({ level: 'silent' }) }));
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  return {
    scrape: (authorization?: string) =>
      fetch(url, { headers: authorization ? { authorization } : {} }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('GET /metrics', () => {
  it('is open outside production, in the Prometheus text format with runtime figures', async () => {
    const server = await serve({ profile: 'test', metrics: {} });
    try {
      const res = await server.scrape();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('demo_total{service="demo"} 1');
      expect(text).toMatch(/^process_resident_memory_bytes\{service="demo"\} \d+/m);
    } finally {
      await server.close();
    }
  });

  it('in production answers 401 without the metrics token or with a wrong one, 200 with it', async () => {
    const server = await serve({ profile: 'production', metrics: { token: TOKEN } });
    try {
      expect((await server.scrape()).status).toBe(401);
      expect((await server.scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
      expect((await server.scrape(`Basic ${TOKEN}`)).status).toBe(401);
      const refused = await server.scrape('Bearer nope');
      expect(await refused.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'a metrics token is required' },
      });
      const allowed = await server.scrape(`Bearer ${TOKEN}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('demo_total');
    } finally {
      await server.close();
    }
  });

  it('refuses to be built in production without a token, naming the setting', () => {
    expect(() => metricsAccess({ profile: 'production', metrics: {} })).toThrow(
      MetricsTokenMissing,
    );
    expect(() => metricsAccess({ profile: 'production', metrics: {} })).toThrow(
      /metrics\.token: .*\(env METRICS_TOKEN\)/,
    );
  });
});
