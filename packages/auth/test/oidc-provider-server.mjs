// A real OpenID provider (oidc-provider, ESM-only) for tests, run in its own process because
// jest here compiles to CommonJS (started by ./oidc-provider-process.ts). Access tokens are
// JWTs for one resource server (RFC 8707 resource indicators), asked for one of two ways:
//
//   - machines (the verifier's int test): two robots by the client_credentials grant,
//     billing-robot and network-feed (the latter known by its role, mediation);
//   - a person (the console's production sign-in in the browser test, when OIDC_CLIENT_ID is
//     set): one public client by the authorization code flow with PKCE; the provider's own
//     development login page takes any login, and the login names the role: "admin-kim"
//     signs in as an admin.
//
// Environment: OIDC_JWKS (private JWKS JSON), OIDC_PORT (0 = any free port), OIDC_RESOURCE
// (the resource indicator, an absolute URI), OIDC_AUDIENCE (the tokens' aud), OIDC_ALG (the
// access tokens' signing alg); for a person, OIDC_CLIENT_ID and OIDC_REDIRECT_URI (the
// console's /auth/callback). Prints one JSON line {"ready":true,"issuer":...,"port":...}.
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
const machines = () => ({
  provider: {
    scopes: ['openid', ...apiScopes.split(' ')],
    clients: [
      robot('billing-robot', 'users:read bills:read'),
      robot('network-feed', 'usage:write'),
    ],
    // The network's feeder is known by role, not by scope: the verifier maps it.
    extraTokenClaims: (_ctx, token) =>
      token.clientId === 'network-feed' ? { roles: ['mediation'] } : undefined,
  },
  features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true } },
  resourceServer: { scope: apiScopes, accessTokenTTL: 300 },
});

const ROLES = ['admin', 'agent', 'mediation', 'subscriber'];
const person = () => ({
  provider: {
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
    extraTokenClaims: (_ctx, token) => {
      const role = ROLES.find((r) => token.accountId?.startsWith(`${r}-`));
      return role ? { roles: [role] } : undefined;
    },
  },
  features: { devInteractions: { enabled: true } },
  resourceServer: { scope: '' },
});

const flow = process.env.OIDC_CLIENT_ID ? person() : machines();
const provider = new Provider(issuer, {
  jwks,
  // Clients' metadata defaults follow the key set, which may hold one algorithm only.
  clientDefaults: { id_token_signed_response_alg: alg },
  ...flow.provider,
  features: {
    ...flow.features,
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return {
          audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg } },
          ...flow.resourceServer,
        };
      },
    },
  },
});
server.on('request', provider.callback());

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ ready: true, issuer, port })}\n`);
