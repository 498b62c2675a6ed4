import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@tally/service-kit';

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

/** body-parser's refusals keep their 4xx status; anything else is a 500 without details. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: { status?: number; type?: string }, req, res, next) => {
    if (res.headersSent) return next(err);
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      const message =
        err.type === 'entity.too.large'
          ? 'request body too large'
          : 'request body is not valid JSON';
      return void res.status(err.status).json(errorBody('BAD_REQUEST', message));
    }
    logger.error({ err, path: req.path }, 'request failed');
    res.status(500).json(errorBody('INTERNAL', 'internal error'));
  };
}
