/** kafkajs and mongodb mark transient failures; our own code marks errors `retriable: false`. */
export function isRetriable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { retriable?: unknown; name?: string; errorLabels?: unknown };
  if (typeof e.retriable === 'boolean') return e.retriable;
  if (Array.isArray(e.errorLabels) && e.errorLabels.includes('RetryableWriteError')) return true;
  return /^(MongoNetwork|MongoServerSelection|MongoNotConnected|KafkaJSConnection|KafkaJSRequestTimeout|KafkaJSNumberOfRetriesExceeded)/.test(
    e.name ?? '',
  );
}

/** Backoff for the n-th retry (1-based): 200 ms doubling to 10 s. */
export function backoffMs(attempt: number): number {
  return Math.min(200 * 2 ** (attempt - 1), 10_000);
}

export class PermanentError extends Error {
  override name = 'PermanentError';
  readonly retriable = false;
}
