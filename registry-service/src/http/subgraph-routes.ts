import { Router } from 'express';
import type { Registry } from '../use-cases/registry';
import { requireToken } from './auth';
import { HttpError } from './errors';
import { subgraphParam } from './params';

interface Options {
  registry: Registry;
  token: string;
}

export function subgraphRoutes({ registry, token }: Options): Router {
  const router = Router();

  router.get('/v1/subgraphs', async (_req, res) => {
    res.json(await registry.listSubgraphs());
  });

  router.delete('/v1/subgraphs/:name', requireToken(token), async (req, res) => {
    const name = subgraphParam(req);
    const result = await registry.removeSubgraph(name);
    if (result.ok) return void res.status(204).end();
    if (result.reason === 'not-found')
      throw new HttpError(404, 'NOT_FOUND', `no subgraph named ${name}`);
    res.status(422).json({ errors: result.errors });
  });

  return router;
}
