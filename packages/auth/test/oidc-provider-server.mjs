// A real OpenID provider (oidc-provider, ESM-only) for the verifier's int test, run in its own
// process because jest here compiles to CommonJS. It issues JWT access tokens by the
// client_credentials grant for one resource server (RFC 8707 resource indicators).
//
// Environment: OIDC_JWKS (private JWKS JSON), OIDC_PORT (0 = any free port), OIDC_RESOURCE
// (the resource indicator, an absolute URI), OIDC_AUDIENCE (the tokens' aud), OIDC_ALG (the
// access tokens' signing alg). Prints one JSON line {"ready":true,"issuer":...,"port":...}.
import { createServer } from 'node:http';
import { errors, Provider } from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const resource = env('OIDC_RESOURCE');
const audience = env('OIDC_AUDIENCE');
const alg = env('OIDC_ALG');
const jwks = JSON.parse(env('OIDC_JWKS'));

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', resolve);
});
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const apiScopes = 'users:read users:write bills:read usage:read usage:write';

const robot = (client_id, scope) => ({
  client_id,
  client_secret: `${client_id}-secret-of-enough-length`,
  grant_types: ['client_credentials'],
  redirect_uris: [],
  response_types: [],
  scope,
});

const provider = new Provider(issuer, {
  jwks,
  // Clients' metadata defaults follow the key set, which may hold one algorithm only.
  clientDefaults: { id_token_signed_response_alg: alg },
  scopes: ['openid', ...apiScopes.split(' ')],
  clients: [robot('billing-robot', 'users:read bills:read'), robot('network-feed', 'usage:write')],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return {
          audience,
          scope: apiScopes,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg } },
        };
      },
    },
  },
  // The network's feeder is known by role, not by scope: the verifier maps it.
  extraTokenClaims: (_ctx, token) =>
    token.clientId === 'network-feed' ? { roles: ['mediation'] } : undefined,
});
server.on('request', provider.callback());

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ ready: true, issuer, port })}\n`);
