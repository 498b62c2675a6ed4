import type { ErrorRequestHandler, Response } from 'express';

/** A sign-in failure the browser shows: `{error: {code, message}}`, like the issuer's own. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export function sendAuthError(res: Response, err: AuthError): void {
  res.status(err.status).json({ error: { code: err.code, message: err.message } });
}

/** body-parser's refusals (not JSON, too large) in the same shape, never express's HTML page. */
export const authBodyErrors: ErrorRequestHandler = (err: { status?: number }, _req, res, next) => {
  if (res.headersSent || typeof err.status !== 'number' || err.status >= 500) return next(err);
  sendAuthError(res, new AuthError(err.status, 'BAD_REQUEST', 'The request body must be JSON.'));
};
