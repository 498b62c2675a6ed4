/**
 * What a production gateway refuses to start without: its OIDC provider and real secrets
 * (loadConfig overrides, for tests of the production profile).
 */
export const PRODUCTION_SETTINGS = {
  auth: {
    issuer: 'https://id.example.com',
    audience: 'tally-api',
    jwksUrl: 'https://id.example.com/jwks',
  },
  registry: { token: 'registry-read-token-of-the-gateway' },
  metrics: { token: 'a-production-metrics-token' },
  internalAuth: {
    secrets: {
      user: 'a-production-user-secret-of-32-chars!',
      usage: 'a-production-usage-secret-of-32-chars',
      settlement: 'a-production-settlement-secret-of-32',
    },
  },
};
