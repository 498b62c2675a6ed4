import type { RequestHandler } from 'express';
import { bearerToken, tokenOwner, type Logger } from '@tally/service-kit';
import { isConfigName } from '../domain/names';
import { errorBody } from './errors';

interface Options {
  /** Service -> its config token. */
  tokens: Readonly<Record<string, string>>;
  logger: Logger;
}

/**
 * `/v1/config/:service/:profile` for the token's own service only: 401 without a known
 * token, 403 for another service's configuration. Names are checked (400) in between, so an
 * unauthenticated caller learns nothing about them.
 */
export function configAuth({ tokens, logger }: Options): RequestHandler {
  return (req, res, next) => {
    const owner = tokenOwner(tokens, bearerToken(req.get('authorization')));
    if (owner === undefined) {
      logger.info({ path: req.path }, 'config request without a known token');
      return void res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json(errorBody('UNAUTHENTICATED', 'send Authorization: Bearer <config token>'));
    }
    const service = String(req.params.service);
    if (isConfigName(service) && service !== owner) {
      logger.warn({ caller: owner, target: service }, 'config request for another service');
      return void res
        .status(403)
        .json(errorBody('FORBIDDEN', `the config token of ${owner} reads only ${owner}`));
    }
    next();
  };
}
