import { Router } from 'express';
import type { Registry } from '../use-cases/registry';
import type { RegistryAccess } from './auth';
import { HttpError } from './errors';
import { subgraphParam } from './params';

interface Options {
  registry: Registry;
  access: RegistryAccess;
}

export function subgraphRoutes({ registry, access }: Options): Router {
  const router = Router();

  router.get('/v1/subgraphs', access.read, async (_req, res) => {
    res.json(await registry.listSubgraphs());
  });

  router.delete('/v1/subgraphs/:name', access.write, async (req, res) => {
    const name = subgraphParam(req);
    const result = await registry.removeSubgraph(name);
    if (result.ok) return void res.status(204).end();
    if (result.reason === 'not-found')
      throw new HttpError(404, 'NOT_FOUND', `no subgraph named ${name}`);
    res.status(422).json({ errors: result.errors });
  });

  return router;
}
