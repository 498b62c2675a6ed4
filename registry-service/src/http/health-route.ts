import { Router } from 'express';
import type { Registry } from '../use-cases/registry';

/** What `/health` and `/health/live` add: whether the registry is preserving itself, and why. */
export function selfPreservationStatus(registry: Registry) {
  const state = registry.selfPreservation();
  if (!state) return { selfPreservation: false };
  return {
    selfPreservation: true,
    selfPreservationReason: state.reason,
    selfPreservationSince: state.since.toISOString(),
  };
}

/** `GET /health`: liveness with the registry's own state (readiness is unaffected by it). */
export function healthRoute({ registry }: { registry: Registry }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'live', ...selfPreservationStatus(registry) });
  });
  return router;
}
