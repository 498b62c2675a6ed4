import { signInternalToken, type Identity } from '@tally/auth';

export type CallSigner = (subgraph: string, identity: Identity) => Promise<string>;

/**
 * Signs each subgraph call with that subgraph's own secret; a subgraph the gateway holds no
 * secret for is never called (its answer could not be trusted, nor could it trust ours).
 */
export function createCallSigner(secrets: Readonly<Record<string, string>>): CallSigner {
  return async (subgraph, identity) => {
    const secret = secrets[subgraph];
    if (!secret) throw new MissingSubgraphSecret(subgraph);
    return signInternalToken({ secret, caller: 'gateway', audience: subgraph, identity });
  };
}

export class MissingSubgraphSecret extends Error {
  override name = 'MissingSubgraphSecret';
  constructor(readonly subgraph: string) {
    super(`the gateway holds no internal secret for subgraph '${subgraph}'`);
  }
}
