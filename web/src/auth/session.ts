import { decodeClaims, type Claims } from './jwt-claims';
import { scopesOf } from './scopes';

/** What the sign-in returned: the bearer token, and an OIDC id token when there is one. */
export interface SignInTokens {
  token: string;
  idToken?: string;
  /** ISO instant, when the issuer said. */
  expiresAt?: string;
}

export interface Session {
  tokens: SignInTokens;
  roles: string[];
  /** The token's `sub`: for a subscriber, their user id. */
  subject?: string;
  scopes: ReadonlySet<string>;
  /** Milliseconds since the epoch, when known. */
  expiresAt?: number;
}

const claimsOf = (tokens: SignInTokens): Claims =>
  decodeClaims(tokens.token) ?? (tokens.idToken ? decodeClaims(tokens.idToken) : null) ?? {};

/** The token's own `exp`, else what the issuer said alongside it. */
function expiryOf(claims: Claims, tokens: SignInTokens): number | undefined {
  if (claims.exp) return claims.exp * 1000;
  const said = tokens.expiresAt ? Date.parse(tokens.expiresAt) : NaN;
  return Number.isNaN(said) ? undefined : said;
}

/** Who the tokens say is signed in; an opaque access token leaves it to the id token. */
export function sessionOf(tokens: SignInTokens): Session {
  const claims = claimsOf(tokens);
  return {
    tokens,
    roles: claims.roles ?? [],
    subject: claims.sub,
    scopes: scopesOf(claims),
    expiresAt: expiryOf(claims, tokens),
  };
}

export const hasExpired = (session: Session, now = Date.now()): boolean =>
  session.expiresAt !== undefined && session.expiresAt <= now;

/** A subscriber's own user id (the `self` scope names their `sub`). */
export const ownUserId = (session: Session): string | undefined =>
  session.scopes.has('self') ? session.subject : undefined;

/** "admin", "agent, mediation", or "signed in" when the token names no role. */
export const roleLabel = (session: Session): string =>
  session.roles.length ? session.roles.join(', ') : 'signed in';
