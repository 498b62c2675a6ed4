import { loadOrCreateSigningKey, mintToken, type MintedToken } from '@tally/auth';
import { configuredIssuerUrl, issuerConfig, loadIssuerSettings, refuseProduction } from './config';

export interface LocalTokenRequest {
  role: string;
  user?: string;
  ttl?: string;
}

/**
 * A token from the local issuer's key without asking the issuer process: what `npm run token`
 * prints, and what a script (the stack's ready banner, a test) can call. Same settings, same
 * key file, so the running issuer vouches for it. Throws TokenRequestError for a bad request.
 */
export async function mintLocalToken(
  request: LocalTokenRequest,
  overrides?: Record<string, unknown>,
): Promise<MintedToken> {
  refuseProduction('the local token issuer');
  const settings = await loadIssuerSettings(overrides);
  const config = issuerConfig(settings);
  return mintToken(await loadOrCreateSigningKey(config.keyDir), {
    issuer: configuredIssuerUrl(settings, config),
    audience: config.audience,
    roleScopes: config.roleScopes,
    ...request,
  });
}
