import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whose token `given` is in a name -> token table, or undefined. Every entry is compared
 * (no early exit), so the time taken says nothing about which entry matched.
 */
export function tokenOwner(
  tokens: Readonly<Record<string, string>>,
  given: string | undefined,
): string | undefined {
  if (!given) return undefined;
  let owner: string | undefined;
  for (const [name, token] of Object.entries(tokens)) {
    if (tokenMatches(given, token) && owner === undefined) owner = name;
  }
  return owner;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}
