import { signInternalToken, type Identity } from '@tally/auth';

export type CallSigner = (subgraph: string, identity: Identity) => Promise<string>;

/**
 * A signed call token lives a minute; the gateway reuses it for half of that, so a subgraph
 * receives it with at least 30 s left (more than the subgraph deadline), and signing, a
 * measurable share of a request's CPU, happens once per subgraph and caller per 30 s.
 */
export const REUSE_MS = 30_000;
/** Callers (identities × subgraphs) remembered at once; the oldest signed goes first. */
export const MAX_CACHED = 10_000;

/** Two identities with the same key carry the same claims. */
function identityKey(identity: Identity): string {
  const scopes = [...identity.scopes].sort().join(' ');
  return `${identity.authenticated ? 1 : 0}\n${identity.subject ?? ''}\n${scopes}`;
}

/**
 * Signs each subgraph call with that subgraph's own secret; a subgraph the gateway holds no
 * secret for is never called (its answer could not be trusted, nor could it trust ours).
 * A token is reused for the same subgraph and identity for REUSE_MS.
 */
export function createCallSigner(
  secrets: Readonly<Record<string, string>>,
  opts: { now?: () => number; reuseMs?: number; maxCached?: number } = {},
): CallSigner {
  const { now = Date.now, reuseMs = REUSE_MS, maxCached = MAX_CACHED } = opts;
  const signed = new Map<string, { token: Promise<string>; until: number }>();
  return async (subgraph, identity) => {
    const secret = secrets[subgraph];
    if (!secret) throw new MissingSubgraphSecret(subgraph);
    const key = `${subgraph}\n${identityKey(identity)}`;
    const at = now();
    const reuse = signed.get(key);
    if (reuse && reuse.until > at) return reuse.token;
    const token = signInternalToken({ secret, caller: 'gateway', audience: subgraph, identity });
    const entry = { token, until: at + reuseMs };
    signed.delete(key); // re-inserted last: the Map's order is the order of signing
    if (signed.size >= maxCached) signed.delete(signed.keys().next().value!);
    signed.set(key, entry);
    token.catch(() => {
      if (signed.get(key) === entry) signed.delete(key);
    });
    return token;
  };
}

export class MissingSubgraphSecret extends Error {
  override name = 'MissingSubgraphSecret';
  constructor(readonly subgraph: string) {
    super(`the gateway holds no internal secret for subgraph '${subgraph}'`);
  }
}
