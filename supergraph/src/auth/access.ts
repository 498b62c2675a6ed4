/** What a token may do: an operator runs everything, a reader only queries. */
export type Role = 'operator' | 'reader';

export type Verdict =
  { ok: true } | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

const ROLES: readonly string[] = ['operator', 'reader'];

/**
 * `token=role` pairs, comma-separated ("s3cr3t-op=operator,s3cr3t-ro=reader"). Empty means
 * no authentication (the default: the contract's API is open).
 */
export function parseTokens(spec: string): Map<string, Role> {
  const tokens = new Map<string, Role>();
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const token = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !ROLES.includes(role))
      throw new Error(
        `auth.tokens: expected "token=operator" or "token=reader" pairs; got a pair ending in "=${role}"`,
      );
    if (token.length < 12)
      throw new Error('auth.tokens: each token must be at least 12 characters');
    tokens.set(token, role as Role);
  }
  return tokens;
}

/** Whether a request with this Authorization header may run an operation of this type. */
export function authorize(
  tokens: Map<string, Role>,
  authorization: string | undefined,
  operation: 'query' | 'mutation' | 'subscription',
): Verdict {
  if (tokens.size === 0) return { ok: true };
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const role = token === undefined ? undefined : tokens.get(token);
  if (!role)
    return {
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'send a valid API token: Authorization: Bearer <token>',
    };
  if (operation !== 'query' && role !== 'operator')
    return { ok: false, code: 'FORBIDDEN', message: `a ${role} token may not run a ${operation}` };
  return { ok: true };
}
