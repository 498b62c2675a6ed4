import type { RequestHandler } from 'express';
import { METRIC, type ServiceMetrics } from '@tally/service-kit';
import { Counter } from 'prom-client';

/** What the answer's status says happened to a request for a service's settings. */
const OUTCOMES: Record<number, string> = {
  200: 'served',
  400: 'invalid_name',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'unknown_service',
  500: 'unresolved',
};

export function outcomeOf(status: number): string {
  return OUTCOMES[status] ?? 'error';
}

/**
 * Counts `GET /v1/config/:service/:profile` by the service asked for (`target`: the label
 * `service` names this process, as on every series) and outcome, once answered. Only services
 * that have a token are named; any other name is `other`, so callers cannot grow the series.
 */
export function countConfigRequests(
  metrics: ServiceMetrics,
  knownServices: readonly string[],
): RequestHandler {
  const known = new Set(knownServices);
  const requests = new Counter({
    name: METRIC.configRequests,
    help: "Requests for a service's settings, by the service asked for (target) and outcome (served, unauthenticated, forbidden, invalid_name, unknown_service, unresolved, error)",
    labelNames: ['target', 'outcome'],
    registers: [metrics.registry],
  });
  return (req, res, next) => {
    const asked = String(req.params.service);
    const target = known.has(asked) ? asked : 'other';
    res.on('finish', () => requests.inc({ target, outcome: outcomeOf(res.statusCode) }));
    next();
  };
}
