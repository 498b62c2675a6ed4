export interface PassiveHealthOptions {
  /** Back-off after the first failure; it doubles with each failure in a row. */
  baseMs?: number;
  maxMs?: number;
  now?: () => number;
}

/**
 * What the gateway learned from its own calls: an instance that failed is skipped for a
 * back-off that grows with each failure in a row, then tried again; one answer clears it.
 * Keyed by instance URL (a new registration on a new port starts clean).
 */
export function createPassiveHealth({
  baseMs = 500,
  maxMs = 15_000,
  now = Date.now,
}: PassiveHealthOptions = {}) {
  const down = new Map<string, { failures: number; until: number }>();
  return {
    /** Records a failure; returns how long the instance is now skipped, in ms. */
    failed(url: string): number {
      const failures = (down.get(url)?.failures ?? 0) + 1;
      const backoffMs = Math.min(baseMs * 2 ** (failures - 1), maxMs);
      down.set(url, { failures, until: now() + backoffMs });
      return backoffMs;
    },
    /** Records an answer; true when the instance had been marked down. */
    answered: (url: string): boolean => down.delete(url),
    isDown: (url: string): boolean => (down.get(url)?.until ?? 0) > now(),
    /** When a down instance is due to be tried again (0 when it is not down). */
    retryAt: (url: string): number => down.get(url)?.until ?? 0,
    /** Drops what is known of instances no longer in the pool. */
    keepOnly(urls: ReadonlySet<string>): void {
      for (const url of down.keys()) if (!urls.has(url)) down.delete(url);
    },
  };
}

export type PassiveHealth = ReturnType<typeof createPassiveHealth>;
