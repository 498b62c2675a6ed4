import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { registryHeaders } from '../../e2e/support/registry-access';

interface Listing {
  name: string;
  sdl: string;
  instances: Array<{ url: string }>;
}

export interface StaticSupergraph {
  sdl: string;
  /** Each subgraph's URL (its first live instance), as composed into `sdl`. */
  urls: Record<string, string>;
}

/**
 * The subgraphs' SDL as registered, composed with @apollo/composition with their current
 * URLs (the registry's own supergraph has placeholder URLs that only Tally's fetcher routes):
 * a supergraph a stock gateway can serve as it is.
 */
export async function staticSupergraph(registryUrl: string): Promise<StaticSupergraph> {
  const res = await fetch(`${registryUrl.replace(/\/$/, '')}/v1/subgraphs`, {
    headers: registryHeaders(),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`the registry answered ${res.status} for /v1/subgraphs`);
  const listing = (await res.json()) as Listing[];
  const urls: Record<string, string> = {};
  for (const s of listing) {
    const url = s.instances[0]?.url;
    if (!url) throw new Error(`the registry lists no live instance of ${s.name}`);
    urls[s.name] = url;
  }
  const result = composeServices(
    listing.map((s) => ({ name: s.name, url: urls[s.name], typeDefs: parse(s.sdl) })),
  );
  if (result.errors)
    throw new Error(
      `the subgraphs do not compose: ${result.errors.map((e) => e.message).join('; ')}`,
    );
  return { sdl: result.supergraphSdl, urls };
}
