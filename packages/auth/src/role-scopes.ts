import type { JWTPayload } from 'jose';

/** Role name -> the scopes it grants; configuration (security.md's table is the default). */
export type RoleScopes = Readonly<Record<string, readonly string[]>>;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * The scopes a token's claims grant: each name in the `roles` array claim through
 * `roleScopes`, plus the space-separated `scope` claim. Unknown roles grant nothing, and
 * claims of the wrong type are ignored rather than guessed at.
 */
export function scopesOfClaims(claims: JWTPayload, roleScopes: RoleScopes): Set<string> {
  const scopes = new Set<string>();
  const roles = Array.isArray(claims.roles) ? (claims.roles as unknown[]) : [];
  for (const role of roles) {
    // hasOwn: a role named `constructor` or `__proto__` must not reach Object.prototype.
    if (typeof role !== 'string' || !Object.hasOwn(roleScopes, role)) continue;
    for (const scope of roleScopes[role] ?? []) scopes.add(scope);
  }
  if (typeof claims.scope === 'string') for (const scope of words(claims.scope)) scopes.add(scope);
  return scopes;
}
