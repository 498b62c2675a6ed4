import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@tally/service-kit';
import { BadConfigFile } from '../repo/yaml-file';

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof BadConfigFile) {
      logger.error({ err: err.message }, 'bad file in the config repo');
      return void res.status(500).json(errorBody('BAD_CONFIG_FILE', err.message));
    }
    logger.error({ err, path: req.path }, 'request failed');
    res.status(500).json(errorBody('INTERNAL', 'internal error'));
  };
}
