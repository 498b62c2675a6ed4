import { Router } from 'express';
import type { Logger } from 'pino';
import { metricsGuard, type MetricsAccess } from './metrics-guard';
import type { ServiceMetrics } from './service-metrics';

/**
 * `GET /metrics` in Prometheus' text format. Collectors that ask the broker or the store run
 * now, at scrape time; one that fails is logged and left out, never a failed scrape.
 */
export function metricsRouter(opts: {
  metrics: ServiceMetrics;
  access: MetricsAccess;
  logger: Logger;
}): Router {
  const router = Router();
  const { registry } = opts.metrics;
  router.get('/metrics', metricsGuard(opts.access), async (_req, res) => {
    try {
      const text = await registry.metrics();
      res.set('content-type', registry.contentType).send(text);
    } catch (err) {
      opts.logger.warn({ err }, 'metrics scrape failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'scrape failed' } });
    }
  });
  return router;
}
