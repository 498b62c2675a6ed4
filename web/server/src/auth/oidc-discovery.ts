import { AuthError } from './auth-error';
import { callIssuer, jsonOf } from './issuer-call';

export interface OidcEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
}

const isUrl = (value: unknown): value is string => typeof value === 'string' && URL.canParse(value);

/** Checks a discovery document the way OpenID Connect Discovery 1.0 (section 4.3) asks. */
export function endpointsOf(issuer: string, doc: Record<string, unknown>): OidcEndpoints {
  if (doc.issuer !== issuer && doc.issuer !== `${issuer}/`)
    throw new Error(`the discovery document names the issuer ${String(doc.issuer)}, not ${issuer}`);
  if (!isUrl(doc.authorization_endpoint) || !isUrl(doc.token_endpoint))
    throw new Error('the discovery document has no authorization or token endpoint');
  const methods = doc.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256'))
    throw new Error('the issuer does not support PKCE with S256');
  return {
    authorizationEndpoint: doc.authorization_endpoint,
    tokenEndpoint: doc.token_endpoint,
    endSessionEndpoint: isUrl(doc.end_session_endpoint) ? doc.end_session_endpoint : undefined,
  };
}

/**
 * The issuer's endpoints from its discovery document, asked once and kept; a failed ask is
 * not kept, so the next sign-in asks again (the issuer may have been starting).
 */
export function oidcDiscovery(issuer: string): () => Promise<OidcEndpoints> {
  let known: Promise<OidcEndpoints> | undefined;
  const discover = async () => {
    const who = `The sign-in provider ${issuer}`;
    const res = await callIssuer(who, `${issuer}/.well-known/openid-configuration`);
    const doc = await jsonOf(res);
    if (!res.ok || typeof doc !== 'object' || doc === null)
      throw new AuthError(502, 'ISSUER_ERROR', `${who} answered ${res.status} to discovery.`);
    try {
      return endpointsOf(issuer, doc as Record<string, unknown>);
    } catch (err) {
      throw new AuthError(502, 'ISSUER_ERROR', `${who}: ${(err as Error).message}.`);
    }
  };
  return () => {
    known ??= discover().catch((err: unknown) => {
      known = undefined;
      throw err;
    });
    return known;
  };
}
