import express, { Router } from 'express';
import { mintToken, TokenRequestError, type RoleScopes, type SigningKey } from '@tally/auth';
import type { Logger } from '@tally/service-kit';
import { errorBody } from './errors';

export interface TokenRouteDeps {
  issuerUrl: () => string;
  audience: string;
  roleScopes: RoleScopes;
  key: () => Promise<SigningKey>;
  logger: Logger;
}

interface TokenRequest {
  role: string;
  user?: string;
  ttl?: string;
}

function requestOf(body: unknown): TokenRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TokenRequestError('the body must be a JSON object {role, user?, ttl?}');
  const { role, user, ttl } = body as Record<string, unknown>;
  if (typeof role !== 'string') throw new TokenRequestError('role is required (a string)');
  for (const [name, value] of [
    ['user', user],
    ['ttl', ttl],
  ] as const)
    if (value !== undefined && value !== null && typeof value !== 'string')
      throw new TokenRequestError(`${name} must be a string`);
  return {
    role,
    user: (user as string | null) ?? undefined,
    ttl: (ttl as string | null) ?? undefined,
  };
}

/**
 * POST /token {role, user?, ttl?} -> {token, expiresAt}. JSON only: a browser must ask
 * first (CORS preflight) before it can send that, and this route never says yes, so a web
 * page cannot have a developer's browser mint tokens behind their back.
 */
export function tokenRoute(deps: TokenRouteDeps): Router {
  const router = Router();
  router.post('/token', express.json({ limit: '16kb' }), async (req, res) => {
    if (!req.is('application/json'))
      return void res
        .status(415)
        .json(errorBody('BAD_REQUEST', 'send JSON (Content-Type: application/json)'));
    let request: TokenRequest;
    try {
      request = requestOf(req.body);
      const { token, expiresAt } = await mintToken(await deps.key(), {
        issuer: deps.issuerUrl(),
        audience: deps.audience,
        roleScopes: deps.roleScopes,
        ...request,
      });
      deps.logger.info(
        { role: request.role, user: request.user, expiresAt: expiresAt.toISOString() },
        'token issued',
      );
      res.set('cache-control', 'no-store').json({ token, expiresAt: expiresAt.toISOString() });
    } catch (err) {
      if (!(err instanceof TokenRequestError)) throw err;
      res.status(400).json(errorBody('BAD_TOKEN_REQUEST', err.message));
    }
  });
  return router;
}
