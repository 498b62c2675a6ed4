import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInternalToken } from '@tally/auth';
import { apiToken } from '@tally/cli-kit';
import { load } from 'js-yaml';
import type { Endpoint } from './graphql';

/** A subgraph's internal key: INTERNAL_SECRET_<NAME>, else its development value. */
export function subgraphSecret(root: string, subgraph: string): string {
  const fromEnv = process.env[`INTERNAL_SECRET_${subgraph.toUpperCase()}`]?.trim();
  if (fromEnv) return fromEnv;
  const file = join(root, 'subgraphs', subgraph, 'config/default.yml');
  const settings = load(readFileSync(file, 'utf8')) as { internalAuth?: { secret?: string } };
  const secret = settings.internalAuth?.secret;
  if (!secret) throw new Error(`no internalAuth.secret in ${file}`);
  return secret;
}

/** Internal tokens live a minute; one is reused for half of that. */
const REUSE_MS = 30_000;

/**
 * A subgraph called straight, signed as the gateway signs its calls (the subgraph's own key,
 * audience = the subgraph) for a caller holding `scopes`. The token is signed once and reused
 * for 30 s, so the caller's cost per call is the call alone.
 */
export function signedSubgraphEndpoint(opts: {
  root: string;
  subgraph: string;
  url: string;
  scopes: readonly string[];
}): Endpoint {
  const secret = subgraphSecret(opts.root, opts.subgraph);
  const identity = { authenticated: true, scopes: new Set(opts.scopes) };
  let signed: { header: Promise<string>; at: number } | undefined;
  return {
    url: opts.url,
    authorization: () => {
      if (!signed || performance.now() - signed.at > REUSE_MS) {
        const token = signInternalToken({
          secret,
          caller: 'bench',
          audience: opts.subgraph,
          identity,
        });
        signed = { header: token.then((t) => `Bearer ${t}`), at: performance.now() };
      }
      return signed.header;
    },
  };
}

/**
 * What the bench calls: the gateway as an admin (a token from the stack's local issuer, or
 * TALLY_TOKEN), and the settlement subgraph straight, signed as the gateway would sign it.
 */
export async function benchEndpoints(opts: {
  root: string;
  gatewayUrl: string;
  settlementUrl: string;
}): Promise<{ gatewayApi: Endpoint; settlementApi: Endpoint; adminToken: string }> {
  const adminToken = await apiToken('admin');
  return {
    adminToken,
    gatewayApi: { url: opts.gatewayUrl, authorization: async () => `Bearer ${adminToken}` },
    settlementApi: signedSubgraphEndpoint({
      root: opts.root,
      subgraph: 'settlement',
      url: opts.settlementUrl,
      scopes: ['bills:read'],
    }),
  };
}
