import { Router } from 'express';
import type { Registry } from '../use-cases/registry';
import type { RegistryAccess } from './auth';
import { errorBody } from './errors';

/** Whether an If-None-Match header names this (strong) ETag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** The last supergraph that composed, served from memory (the gateway polls it). */
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
  return router;
}
