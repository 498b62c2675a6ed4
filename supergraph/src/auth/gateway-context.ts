import type { IncomingHttpHeaders } from 'node:http';
import type { Identity } from '@tally/auth';
import type { Logger } from '@tally/service-kit';

export interface GatewayContext {
  identity: Identity;
}

interface Verifier {
  verify(authorization: string | undefined): Promise<{ identity: Identity; problem?: string }>;
}

/**
 * The caller's identity, once per request. A bad token counts as no token: the subgraphs
 * answer UNAUTHENTICATED wherever a scope is needed and the public catalogue still answers.
 */
export function createGatewayContext(verifier: Verifier, logger: Logger) {
  return async ({ req }: { req: { headers: IncomingHttpHeaders } }): Promise<GatewayContext> => {
    const { identity, problem } = await verifier.verify(req.headers.authorization);
    if (problem) logger.info({ problem }, 'token refused; the request runs as anonymous');
    return { identity };
  };
}
