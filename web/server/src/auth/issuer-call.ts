import { AuthError } from './auth-error';

const ISSUER_TIMEOUT_MS = 5000;

/**
 * fetch, where a network failure or a timeout becomes ISSUER_UNAVAILABLE naming `who`, with
 * `hint` saying what to do about it.
 */
export async function callIssuer(who: string, url: string, init: RequestInit = {}, hint = '') {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS) });
  } catch (err) {
    const why =
      err instanceof Error && err.name === 'TimeoutError'
        ? 'did not answer in time'
        : 'is not reachable';
    throw new AuthError(503, 'ISSUER_UNAVAILABLE', `${who} ${why}; signing in needs it.${hint}`);
  }
}

/** The body as JSON, or undefined when it is not JSON. */
export async function jsonOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}
