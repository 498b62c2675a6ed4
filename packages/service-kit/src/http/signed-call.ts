import type { RequestHandler } from 'express';
import { InternalTokenError, verifyInternalToken } from '@tally/auth';
import type { Logger } from 'pino';
import { setRequestIdentity } from './request-identity';

export interface SignedCallOptions {
  /** This subgraph's name: the audience a call must be signed for. */
  audience: string;
  /** This subgraph's own secret, shared only with those allowed to call it. */
  secret: string;
  logger: Logger;
}

/**
 * Lets through only calls signed for this subgraph (by the gateway, or another subgraph
 * holding its secret), and records the identity they carry. Everything else gets 401,
 * `_service` and `_entities` included: a subgraph never trusts a caller it cannot verify.
 */
export function requireSignedCall({ audience, secret, logger }: SignedCallOptions): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const refuse = (why: string) => {
      logger.info({ why, ip: req.ip }, 'unsigned call refused');
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({
          errors: [
            {
              message: `${audience} answers only calls the gateway signed for it (${why})`,
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
    };
    if (!token) return refuse('no signature');
    verifyInternalToken(token, { secret, audience }).then(
      ({ identity }) => {
        setRequestIdentity(req, identity);
        next();
      },
      (err: unknown) => {
        if (err instanceof InternalTokenError) return refuse(err.message);
        next(err);
      },
    );
  };
}
