import express, { Router } from 'express';
import { checkRegistration } from '../domain/registration';
import type { Registry } from '../use-cases/registry';
import type { RegistryAccess } from './auth';
import { HttpError } from './errors';
import { instanceParams } from './params';

const STATUS_OF = { BAD_REQUEST: 400, INVALID_URL: 400, URL_NOT_ALLOWED: 422, SDL_TOO_LARGE: 413 };

interface Options {
  registry: Registry;
  access: RegistryAccess;
  maxSdlBytes: number;
  allowedHosts: ReadonlySet<string>;
}

const INSTANCE = '/v1/subgraphs/:name/instances/:instanceId';

export function instanceRoutes({ registry, access, maxSdlBytes, allowedHosts }: Options): Router {
  const router = Router();
  const auth = access.write;
  // JSON escapes can double an SDL's size; the SDL itself is checked against the limit.
  const json = express.json({ limit: maxSdlBytes * 2 + 4096 });

  router.put(INSTANCE, auth, json, async (req, res) => {
    const { subgraph, instanceId } = instanceParams(req);
    const check = checkRegistration(req.body, maxSdlBytes, allowedHosts);
    if (!check.ok) throw new HttpError(STATUS_OF[check.code], check.code, check.message);
    const result = await registry.register(subgraph, instanceId, check.registration);
    if (!result.ok) return void res.status(422).json({ errors: result.errors });
    res.json({ leaseSeconds: result.leaseSeconds });
  });

  router.put(`${INSTANCE}/heartbeat`, auth, async (req, res) => {
    const { subgraph, instanceId } = instanceParams(req);
    if (!(await registry.heartbeat(subgraph, instanceId))) {
      throw new HttpError(
        404,
        'LEASE_GONE',
        `no live lease for ${subgraph}/${instanceId}; register again`,
      );
    }
    res.json({ ok: true });
  });

  router.delete(INSTANCE, auth, async (req, res) => {
    const { subgraph, instanceId } = instanceParams(req);
    await registry.deregister(subgraph, instanceId);
    res.status(204).end();
  });

  return router;
}
