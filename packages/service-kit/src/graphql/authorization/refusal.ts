import type { Identity } from '@tally/auth';
import { ErrorCode } from '@tally/errors';
import { GraphQLError } from 'graphql';
import { describeSets, SELF, type ScopeSets } from './scope-sets';

/**
 * The answer for a field the caller may not resolve: UNAUTHENTICATED without a verified
 * caller, FORBIDDEN otherwise; the message names the field and what it needs.
 */
export function refusal(coordinate: string, sets: ScopeSets, identity: Identity): GraphQLError {
  const needs = describeSets(sets);
  if (!identity.authenticated) {
    return new GraphQLError(`Authentication required: ${coordinate} needs a token with ${needs}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    });
  }
  const notOwn =
    identity.scopes.has(SELF) && sets.some((set) => set.includes(SELF))
      ? "; this is not the caller's own"
      : '';
  return new GraphQLError(`Forbidden: ${coordinate} needs ${needs}${notOwn}`, {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}
