import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from 'pino';

/** security.md, "Limits": the largest request body the API takes. */
export const MAX_BODY_BYTES = 1024 * 1024;

const graphqlError = (message: string, code: string) => ({
  errors: [{ message, extensions: { code } }],
});

/**
 * A JSON body of at most `limit` bytes. What body-parser refuses (too large, not JSON, a
 * bad charset) is answered as a GraphQL error in JSON, never express's HTML page, which
 * carries a stack trace and the server's file paths outside production.
 */
export function jsonBody(
  logger: Logger,
  limit = MAX_BODY_BYTES,
): [RequestHandler, RequestHandler, ErrorRequestHandler] {
  const jsonOnly: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) return next();
    res
      .status(415)
      .json(
        graphqlError(
          'request body must be JSON (Content-Type: application/json)',
          'BAD_USER_INPUT',
        ),
      );
  };
  const refuse: ErrorRequestHandler = (
    err: { type?: string; status?: number },
    _req,
    res,
    next,
  ) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large')
      return res
        .status(413)
        .json(
          graphqlError(
            `request body over ${limit.toLocaleString('en-US')} bytes`,
            'BAD_USER_INPUT',
          ),
        );
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500)
      return res
        .status(err.status)
        .json(graphqlError('request body is not valid JSON', 'BAD_USER_INPUT'));
    logger.error({ err }, 'request failed before GraphQL');
    return res.status(500).json(graphqlError('Internal error', 'INTERNAL_SERVER_ERROR'));
  };
  return [jsonOnly, express.json({ limit }), refuse];
}
