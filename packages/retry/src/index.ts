export { retry, DEFAULT_BACKOFF, type RetryOptions } from './retry';
export { waitUntil, type WaitOptions } from './wait-until';
export { backoffDelay, type Backoff } from './backoff';
export { pause } from './pause';
export type { AttemptContext } from './attempt';
export { errorMessage, RetriesExhausted, WaitTimedOut } from './errors';
