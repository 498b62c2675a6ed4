import { Router } from 'express';
import type { Registry } from '../use-cases/registry';
import type { RegistryAccess } from './auth';
import { errorBody, HttpError } from './errors';

/** Whether an If-None-Match header names this (strong) ETag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * The last supergraph that composed, served from memory (the gateway polls it); and the last
 * few that were served, newest first (`/v1/supergraph/history`: id, subgraphs, composedAt).
 */
export function supergraphRoute({
  registry,
  access,
}: {
  registry: Registry;
  access: RegistryAccess;
}): Router {
  const router = Router();
  router.get('/v1/supergraph', access.read, (req, res) => {
    const supergraph = registry.supergraph();
    if (!supergraph) {
      return void res
        .status(404)
        .json(
          errorBody('NO_SUPERGRAPH', 'nothing has been composed yet: no subgraph is registered'),
        );
    }
    const etag = `"${supergraph.id}"`;
    res.set('ETag', etag).set('Cache-Control', 'no-cache');
    if (matchesEtag(req.get('if-none-match'), etag)) return void res.status(304).end();
    res.json(supergraph);
  });
  router.get('/v1/supergraph/history', access.read, async (req, res) => {
    const limit = historyLimit(req.query.limit);
    const compositions = await registry.supergraphHistory(limit);
    res.set('Cache-Control', 'no-store');
    res.json({
      compositions: compositions.map((c) => ({ ...c, composedAt: c.composedAt.toISOString() })),
    });
  });
  return router;
}

/** `?limit=` of the history: 1..50, default 20; anything else is refused. */
export function historyLimit(value: unknown): number {
  if (value === undefined) return 20;
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 50)) throw new HttpError(400, 'BAD_REQUEST', 'limit must be 1..50');
  return n;
}
