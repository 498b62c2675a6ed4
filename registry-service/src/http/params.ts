import type { Request } from 'express';
import { isInstanceId, isSubgraphName } from '../domain/names';
import { HttpError } from './errors';

export function subgraphParam(req: Request): string {
  const name = String(req.params.name);
  if (!isSubgraphName(name)) {
    throw new HttpError(400, 'INVALID_NAME', 'subgraph names match ^[a-z][a-z0-9-]{0,62}$');
  }
  return name;
}

export function instanceParams(req: Request): { subgraph: string; instanceId: string } {
  const instanceId = String(req.params.instanceId);
  if (!isInstanceId(instanceId)) {
    throw new HttpError(
      400,
      'INVALID_INSTANCE_ID',
      'instance ids match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
    );
  }
  return { subgraph: subgraphParam(req), instanceId };
}
