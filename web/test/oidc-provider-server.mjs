// A real OpenID provider (oidc-provider, ESM-only) for the console's production sign-in in
// the browser test, run in its own process because jest here compiles to CommonJS. One public
// client (no secret) using the authorization code flow with PKCE; the provider's own
// development login page takes any login, and the login names the role: "admin-kim" signs in
// as an admin. Access tokens are JWTs for one resource server (RFC 8707).
//
// Environment: OIDC_JWKS (private JWKS JSON), OIDC_CLIENT_ID, OIDC_REDIRECT_URI (the
// console's /auth/callback), OIDC_RESOURCE (the resource indicator), OIDC_AUDIENCE (the
// access tokens' aud). Prints one JSON line {"ready":true,"issuer":...,"jwksUri":...}.
import { createServer } from 'node:http';
import { errors, Provider } from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const resource = env('OIDC_RESOURCE');
const audience = env('OIDC_AUDIENCE');
const jwks = JSON.parse(env('OIDC_JWKS'));
const alg = jwks.keys[0].alg;

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const ROLES = ['admin', 'agent', 'mediation', 'subscriber'];

const provider = new Provider(issuer, {
  jwks,
  clientDefaults: { id_token_signed_response_alg: alg },
  clients: [
    {
      client_id: env('OIDC_CLIENT_ID'),
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [env('OIDC_REDIRECT_URI')],
    },
  ],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return { audience, scope: '', accessTokenFormat: 'jwt', jwt: { sign: { alg } } };
      },
    },
  },
  extraTokenClaims: (_ctx, token) => {
    const role = ROLES.find((r) => token.accountId?.startsWith(`${r}-`));
    return role ? { roles: [role] } : undefined;
  },
});
server.on('request', provider.callback());

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ ready: true, issuer, jwksUri: `${issuer}/jwks` })}\n`);
