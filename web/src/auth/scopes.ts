import type { Claims } from './jwt-claims';

/** security.md's scopes; `self` means "only what is the caller's own". */
export type Scope =
  | 'plans:write'
  | 'users:read'
  | 'users:write'
  | 'usage:read'
  | 'usage:write'
  | 'bills:read'
  | 'bills:close'
  | 'ops:read'
  | 'ops:write'
  | 'self';

export const ROLES = ['admin', 'agent', 'mediation', 'subscriber'] as const;
export type Role = (typeof ROLES)[number];

/** security.md's default role -> scopes map (what the console expects a role to allow). */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  admin: [
    'plans:write',
    'users:read',
    'users:write',
    'usage:read',
    'usage:write',
    'bills:read',
    'bills:close',
    'ops:read',
    'ops:write',
  ],
  agent: ['users:read', 'users:write', 'bills:read', 'usage:read'],
  mediation: ['usage:write'],
  subscriber: ['self'],
};

const isRole = (name: string): name is Role => (ROLES as readonly string[]).includes(name);

/** The token's own `scope`, and the scopes of its `roles`. */
export function scopesOf(claims: Claims): ReadonlySet<string> {
  const fromRoles = (claims.roles ?? []).flatMap((role) => (isRole(role) ? ROLE_SCOPES[role] : []));
  const granted = claims.scope?.split(' ').filter(Boolean) ?? [];
  return new Set([...fromRoles, ...granted]);
}
