import type { RequestHandler } from 'express';
import type { ConsoleAuth } from '../config';
import { AuthError, sendAuthError } from './auth-error';
import { callIssuer, jsonOf } from './issuer-call';
import type { OidcEndpoints } from './oidc-discovery';

type OidcAuth = Extract<ConsoleAuth, { mode: 'oidc' }>;

interface TokenAnswer {
  access_token?: unknown;
  id_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

function exchangeInput(body: unknown): { code: string; codeVerifier: string; redirectUri: string } {
  const { code, codeVerifier, redirectUri } = (body ?? {}) as Record<string, unknown>;
  if (
    typeof code !== 'string' ||
    typeof codeVerifier !== 'string' ||
    typeof redirectUri !== 'string'
  )
    throw new AuthError(400, 'BAD_USER_INPUT', 'Expected {code, codeVerifier, redirectUri}.');
  // Only the console's own callback; the provider checks it against the client's registration.
  if (!URL.canParse(redirectUri) || new URL(redirectUri).pathname !== '/auth/callback')
    throw new AuthError(
      400,
      'BAD_USER_INPUT',
      'The redirect URI must be the console /auth/callback.',
    );
  return { code, codeVerifier, redirectUri };
}

/**
 * POST /auth/oidc-token `{code, codeVerifier, redirectUri}` -> `{token, idToken?, expiresAt?}`.
 *
 * The console is a public client (no secret) and PKCE binds the code to the verifier that
 * only the browser holds, so the exchange could run in the browser. It runs here instead so
 * that signing in does not depend on the provider allowing CORS on its token endpoint; this
 * server adds nothing secret, keeps nothing and logs no token.
 */
export function oidcTokenRoute(
  auth: OidcAuth,
  endpoints: () => Promise<OidcEndpoints>,
): RequestHandler {
  return async (req, res) => {
    try {
      const { code, codeVerifier, redirectUri } = exchangeInput(req.body);
      const { tokenEndpoint } = await endpoints();
      const answer = await callIssuer(`The sign-in provider ${auth.issuer}`, tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          code_verifier: codeVerifier,
          redirect_uri: redirectUri,
          client_id: auth.clientId,
        }),
      });
      const body = ((await jsonOf(answer)) ?? {}) as TokenAnswer;
      if (!answer.ok || typeof body.access_token !== 'string') {
        const why = [body.error_description, body.error].find((v) => typeof v === 'string');
        throw new AuthError(
          400,
          'SIGN_IN_FAILED',
          `The sign-in provider refused: ${typeof why === 'string' ? why : `HTTP ${answer.status}`}.`,
        );
      }
      const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
      res.json({
        token: body.access_token,
        idToken: typeof body.id_token === 'string' ? body.id_token : undefined,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000).toISOString() : undefined,
      });
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      sendAuthError(res, err);
    }
  };
}
