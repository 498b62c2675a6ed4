import type { RequestHandler } from 'express';
import { AuthError, sendAuthError } from './auth-error';
import { callIssuer, jsonOf } from './issuer-call';

const textOr = (value: unknown, otherwise: string) =>
  typeof value === 'string' ? value : otherwise;

const HINT = ' Start the stack with npm start, or set ISSUER_URL to where the issuer runs.';

interface IssuerAnswer {
  token?: unknown;
  expiresAt?: unknown;
  error?: { code?: unknown; message?: unknown };
}

/**
 * POST /auth/dev-token `{role, user?}` -> `{token, expiresAt}`: asks the stack's local issuer
 * from here, so the browser needs no CORS to it. Development only: production never mounts it.
 */
export function devTokenRoute(issuerUrl: string): RequestHandler {
  const who = `The local token issuer at ${issuerUrl}`;
  return async (req, res) => {
    try {
      const { role, user } = (req.body ?? {}) as { role?: unknown; user?: unknown };
      if (typeof role !== 'string' || (user !== undefined && typeof user !== 'string'))
        throw new AuthError(
          400,
          'BAD_USER_INPUT',
          'Choose a role (and, for a subscriber, a user).',
        );
      const answer = await callIssuer(
        who,
        `${issuerUrl}/token`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(user ? { role, user } : { role }),
        },
        HINT,
      );
      const body = (await jsonOf(answer)) as IssuerAnswer | undefined;
      if (answer.ok && typeof body?.token === 'string')
        return void res.json({ token: body.token, expiresAt: body.expiresAt });
      if (answer.status === 400 && typeof body?.error?.message === 'string')
        throw new AuthError(400, textOr(body.error.code, 'BAD_USER_INPUT'), body.error.message);
      throw new AuthError(502, 'ISSUER_ERROR', `${who} answered ${answer.status} without a token.`);
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      sendAuthError(res, err);
    }
  };
}
