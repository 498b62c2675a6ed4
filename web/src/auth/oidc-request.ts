/** What /auth/config says in production: where and as whom to sign in. */
export interface OidcConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string;
  scope: string;
  /** The API's resource indicator (RFC 8707), asked for when set. */
  resource?: string;
  authorizationEndpoint: string;
  endSessionEndpoint?: string;
}

/** Kept in sessionStorage between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
  /** The console page (hash) to return to. */
  returnTo: string;
}

/** The authorization request: code flow, PKCE with S256, and the state to check on return. */
export function authorizationUrl(
  config: OidcConfig,
  request: { state: string; challenge: string; redirectUri: string },
): string {
  const url = new URL(config.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: request.redirectUri,
    scope: config.scope,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    ...(config.resource ? { resource: config.resource } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export type CallbackResult = { ok: true; code: string } | { ok: false; message: string };

/** The provider's answer on /auth/callback, checked against the request this tab made. */
export function readCallback(search: string, pending: PendingSignIn | null): CallbackResult {
  const params = new URLSearchParams(search);
  const fail = (message: string): CallbackResult => ({ ok: false, message });
  if (!pending)
    return fail('This sign-in was not started in this tab, or was already used. Sign in again.');
  // The state ties the answer to our request: without the check, anyone could sign us in as them.
  if (params.get('state') !== pending.state)
    return fail('The sign-in answer does not match the request made here. Sign in again.');
  const error = params.get('error');
  if (error) return fail(`The sign-in provider said: ${params.get('error_description') ?? error}.`);
  const code = params.get('code');
  return code ? { ok: true, code } : fail('The sign-in provider sent no code. Sign in again.');
}
