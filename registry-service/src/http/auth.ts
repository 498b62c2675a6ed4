import type { Request, RequestHandler, Response } from 'express';
import { bearerToken, tokenMatches, tokenOwner, type Logger } from '@tally/service-kit';
import {
  adminCaller,
  clientCaller,
  mayRead,
  mayWrite,
  type Caller,
  type ClientGrant,
} from '../domain/access';
import { HttpError } from './errors';
import { subgraphParam } from './params';

interface Options {
  clients: Readonly<Record<string, ClientGrant>>;
  adminToken: string;
  logger: Logger;
}

/** Route guards: `read` to list, `write` for the subgraph named in the path. */
export interface RegistryAccess {
  read: RequestHandler;
  write: RequestHandler;
}

export function registryAccess({ clients, adminToken, logger }: Options): RegistryAccess {
  const tokens = Object.fromEntries(Object.entries(clients).map(([name, c]) => [name, c.token]));

  /** Every token is compared whichever matches, in constant time each. */
  function identify(req: Request): Caller | undefined {
    const given = bearerToken(req.get('authorization'));
    const client = tokenOwner(tokens, given);
    const admin = given !== undefined && tokenMatches(given, adminToken);
    if (admin) return adminCaller();
    return client === undefined ? undefined : clientCaller(client, clients[client]!);
  }

  function authenticate(req: Request, res: Response): Caller {
    const caller = identify(req);
    if (caller) return caller;
    res.set('WWW-Authenticate', 'Bearer');
    throw new HttpError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <registry token>');
  }

  function refuse(caller: Caller, req: Request, what: string): never {
    logger.warn(
      { client: caller.name, method: req.method, path: req.path },
      'registry call refused',
    );
    throw new HttpError(403, 'FORBIDDEN', `the token of ${caller.name} may not ${what}`);
  }

  return {
    read(req, res, next) {
      const caller = authenticate(req, res);
      if (!mayRead(caller)) refuse(caller, req, 'read the registry');
      next();
    },
    write(req, res, next) {
      const caller = authenticate(req, res);
      const subgraph = subgraphParam(req);
      if (!mayWrite(caller, subgraph)) refuse(caller, req, `change subgraph ${subgraph}`);
      next();
    },
  };
}
