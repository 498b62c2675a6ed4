import type { IncomingHttpHeaders } from 'node:http';
import type { Identity } from '@tally/auth';
import type { Logger } from '@tally/service-kit';
import { rememberVerified, type Verifier } from './verified-tokens';

export interface GatewayContext {
  identity: Identity;
}

/**
 * The caller's identity, once per request. A bad token counts as no token: the subgraphs
 * answer UNAUTHENTICATED wherever a scope is needed and the public catalogue still answers.
 * A token that verified is remembered for a while (rememberVerified).
 */
export function createGatewayContext(tokens: Verifier, logger: Logger) {
  const verifier = rememberVerified(tokens);
  return async ({ req }: { req: { headers: IncomingHttpHeaders } }): Promise<GatewayContext> => {
    const { identity, problem } = await verifier.verify(req.headers.authorization);
    if (problem) logger.info({ problem }, 'token refused; the request runs as anonymous');
    return { identity };
  };
}
