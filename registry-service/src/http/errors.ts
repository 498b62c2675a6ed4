import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@tally/service-kit';

/** An answer other than success, with the `{ error: { code, message } }` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

interface BodyParserError {
  type?: string;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const type = (err as BodyParserError).type;
    if (err instanceof HttpError) {
      res.status(err.status).json(errorBody(err.code, err.message));
    } else if (type === 'entity.parse.failed') {
      res.status(400).json(errorBody('INVALID_JSON', 'the body is not valid JSON'));
    } else if (type === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'the body is larger than the limit'));
    } else {
      logger.error({ err, method: req.method, path: req.path }, 'request failed');
      res.status(500).json(errorBody('INTERNAL', 'internal error'));
    }
  };
}
