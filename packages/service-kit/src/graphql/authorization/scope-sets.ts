import type { Identity } from '@tally/auth';

/** An OR of AND-sets of scopes, as @authorize(scopes:) writes it. */
export type ScopeSets = readonly (readonly string[])[];

export const SELF = 'self';

/** The owner is known only once the field has resolved (`@ownedBy(result:)`). */
export const OWNER_AFTER_RESOLVING = Symbol('owner after resolving');
export type KnownOwner = string | undefined | typeof OWNER_AFTER_RESOLVING;

export type Verdict = 'allowed' | 'denied' | 'after-resolving';

const NO_SCOPES: ReadonlySet<string> = new Set();

/**
 * Whether the caller satisfies one of the sets. `self` holds only for a caller with the
 * `self` scope and a subject, on data whose owner is that subject; an unauthenticated
 * caller holds no scope whatever its identity says.
 */
export function judge(sets: ScopeSets, identity: Identity, owner: KnownOwner): Verdict {
  const scopes = identity.authenticated ? identity.scopes : NO_SCOPES;
  let waiting = false;
  for (const set of sets) {
    if (!set.every((scope) => scope === SELF || scopes.has(scope))) continue;
    if (!set.includes(SELF)) return 'allowed';
    if (!scopes.has(SELF) || !identity.subject) continue;
    if (owner === OWNER_AFTER_RESOLVING) waiting = true;
    else if (owner === identity.subject) return 'allowed';
  }
  return waiting ? 'after-resolving' : 'denied';
}

/** "users:read, or self (the caller's own data only)". */
export function describeSets(sets: ScopeSets): string {
  return sets
    .map((set) =>
      set
        .map((scope) => (scope === SELF ? "self (the caller's own data only)" : scope))
        .join(' and '),
    )
    .join(', or ');
}
