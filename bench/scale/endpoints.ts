import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInternalToken } from '@tally/auth';
import { apiToken } from '@tally/cli-kit';
import { load } from 'js-yaml';
import type { Endpoint } from './graphql';

/** The settlement subgraph's key: INTERNAL_SECRET_SETTLEMENT, else its development value. */
function settlementSecret(root: string): string {
  const fromEnv = process.env.INTERNAL_SECRET_SETTLEMENT?.trim();
  if (fromEnv) return fromEnv;
  const file = join(root, 'subgraphs/settlement/config/default.yml');
  const settings = load(readFileSync(file, 'utf8')) as { internalAuth?: { secret?: string } };
  const secret = settings.internalAuth?.secret;
  if (!secret) throw new Error(`no internalAuth.secret in ${file}`);
  return secret;
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
  const secret = settlementSecret(opts.root);
  const reader = { authenticated: true, scopes: new Set(['bills:read']) };
  return {
    adminToken,
    gatewayApi: { url: opts.gatewayUrl, authorization: async () => `Bearer ${adminToken}` },
    settlementApi: {
      url: opts.settlementUrl,
      authorization: async () =>
        `Bearer ${await signInternalToken({ secret, caller: 'bench', audience: 'settlement', identity: reader })}`,
    },
  };
}
