import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Identity } from '@tally/auth';

const identities = new WeakMap<IncomingMessage, Identity>();

/** Set by the subgraph's call verification once the gateway's signature checks out. */
export function setRequestIdentity(req: IncomingMessage, identity: Identity): void {
  identities.set(req, identity);
}

/** The verified caller of this request; anonymous when nothing was verified. */
export function requestIdentity(req: IncomingMessage): Identity {
  return identities.get(req) ?? ANONYMOUS;
}
