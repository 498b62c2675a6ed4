import { isHttpUrl } from './names';

export interface Registration {
  url: string;
  sdl: string;
}

export type RegistrationCheck =
  | { ok: true; registration: Registration }
  | {
      ok: false;
      code: 'BAD_REQUEST' | 'INVALID_URL' | 'URL_NOT_ALLOWED' | 'SDL_TOO_LARGE';
      message: string;
    };

/**
 * Checks a registration body: an http(s) url on an allowed host (the gateway sends real
 * queries and their answers there, so a token holder must not point it anywhere) and a
 * non-empty SDL within the size limit.
 */
export function checkRegistration(
  body: unknown,
  maxSdlBytes: number,
  allowedHosts: ReadonlySet<string>,
): RegistrationCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, code: 'BAD_REQUEST', message: 'body must be a JSON object { url, sdl }' };
  }
  const { url, sdl } = body as Record<string, unknown>;
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    return { ok: false, code: 'INVALID_URL', message: 'url must be an absolute http(s) URL' };
  }
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!allowedHosts.has(host)) {
    return {
      ok: false,
      code: 'URL_NOT_ALLOWED',
      message: `url host ${host} is not in registry.allowedHosts (${[...allowedHosts].join(', ')})`,
    };
  }
  if (typeof sdl !== 'string' || sdl.trim() === '') {
    return { ok: false, code: 'BAD_REQUEST', message: 'sdl must be a non-empty string' };
  }
  const bytes = new TextEncoder().encode(sdl).length;
  if (bytes > maxSdlBytes) {
    return {
      ok: false,
      code: 'SDL_TOO_LARGE',
      message: `sdl is ${bytes} bytes; the limit is ${maxSdlBytes}`,
    };
  }
  return { ok: true, registration: { url, sdl } };
}
