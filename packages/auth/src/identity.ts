/** The scopes of security.md's operations table; `self` = "only what is the caller's own". */
export const SCOPES = [
  'plans:write',
  'users:read',
  'users:write',
  'usage:read',
  'usage:write',
  'bills:read',
  'bills:close',
  // The web console's Operations page (read) and its dead-letter replay (write): admin only.
  'ops:read',
  'ops:write',
  'self',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The contract's default role -> scopes map (configurable per deployment). */
export const DEFAULT_ROLE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  admin: SCOPES.filter((s) => s !== 'self'),
  agent: ['users:read', 'users:write', 'bills:read', 'usage:read'],
  mediation: ['usage:write'],
  subscriber: ['self'],
};

/** Who is calling, as the gateway established it and passes on to the subgraphs. */
export interface Identity {
  /** False for a caller with no token (or a token that failed verification). */
  authenticated: boolean;
  /** The token's `sub`; for a subscriber, their user id. */
  subject?: string;
  scopes: ReadonlySet<string>;
}

export const ANONYMOUS: Identity = Object.freeze({
  authenticated: false,
  scopes: new Set<string>(),
});
