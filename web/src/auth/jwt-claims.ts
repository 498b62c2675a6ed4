/** The claims the console reads from a token: who it is and what it may do. */
export interface Claims {
  sub?: string;
  roles?: string[];
  /** Space-separated scopes. */
  scope?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

const base64UrlToText = (part: string): string => {
  const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/**
 * A JWT's payload, unverified: only to show who is signed in and which forms to offer. The
 * gateway verifies the signature and decides what the token may really do.
 */
export function decodeClaims(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlToText(payload));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
    const { sub, roles, scope, exp } = claims as Record<string, unknown>;
    return {
      sub: typeof sub === 'string' ? sub : undefined,
      roles: Array.isArray(roles)
        ? roles.filter((r): r is string => typeof r === 'string')
        : undefined,
      scope: typeof scope === 'string' ? scope : undefined,
      exp: typeof exp === 'number' ? exp : undefined,
    };
  } catch {
    return null;
  }
}
