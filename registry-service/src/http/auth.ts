import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Writes need `Authorization: Bearer <registry token>`. */
export function requireToken(token: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '');
    if (match && tokenMatches(match[1]!, token)) return next();
    res.set('WWW-Authenticate', 'Bearer');
    next(
      new HttpError(401, 'UNAUTHENTICATED', 'writes need Authorization: Bearer <registry token>'),
    );
  };
}
