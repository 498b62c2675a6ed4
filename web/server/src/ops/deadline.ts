/** A source that did not answer within its deadline. */
export class DeadlinePassed extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlinePassed';
  }
}

/** Each read of the Operations page gives up after this long: a slow source shows as down. */
export const SOURCE_DEADLINE_MS = 3000;

/** `work`, or a DeadlinePassed after `ms` (the work itself is left to finish or fail). */
export function withDeadline<T>(what: string, work: Promise<T>, ms = SOURCE_DEADLINE_MS) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed(what, ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** An error's words; fetch's "fetch failed" gets its cause's (e.g. ECONNREFUSED) added. */
export function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
  return typeof detail === 'string' && detail ? `${err.message}: ${detail}` : err.message;
}

/** A source's figures, or why it is down, never a thrown error. */
export async function sourced<T>(what: string, read: () => Promise<T>, ms?: number) {
  try {
    return { ok: true as const, data: await withDeadline(what, read(), ms) };
  } catch (err) {
    return { ok: false as const, error: messageOf(err) };
  }
}

/** GET `url` as JSON with a deadline (fetch's own signal, so the socket is let go too). */
export async function getJson<T>(url: string, token: string | undefined, ms = SOURCE_DEADLINE_MS) {
  const res = await fetch(url, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: AbortSignal.timeout(ms),
  });
  if (!res.ok) throw new Error(`${new URL(url).pathname} answered ${res.status}`);
  return (await res.json()) as T;
}

/** GET `url` as text with a deadline (a /metrics scrape). */
export async function getText(url: string, token: string | undefined, ms = SOURCE_DEADLINE_MS) {
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(ms),
  });
  if (!res.ok) throw new Error(`${new URL(url).pathname} answered ${res.status}`);
  return res.text();
}
