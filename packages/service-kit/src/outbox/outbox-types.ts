/** An event owed by a state change, ready to produce: the envelope is already serialised. */
export interface OutboxMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

/**
 * One state change and the events it owes. The intent is written first (the outbox
 * collection holds only unpublished intents), then the state change, then the events are
 * published and the intent deleted. A crash anywhere in between is finished by the sweep,
 * which re-applies the change through its kind's redo and publishes only when the state
 * that stands is this intent's.
 */
export interface OutboxEntry<C = unknown> {
  /** Names the redo handler that can re-apply `change` (e.g. 'usage-record'). */
  kind: string;
  /** What the redo handler needs to re-apply the state change; plain data (Dates allowed). */
  change: C;
  messages: OutboxMessage[];
}

/**
 * Re-applies a state change idempotently after a crash and answers whether the state that
 * stands is this intent's (`true`: publish its events) or another write's (`false`: drop
 * them). The state written for an intent carries the intent's id (e.g. as `outboxId`), so the
 * handler can tell whose it is.
 */
export type OutboxRedo<C = unknown> = (change: C, intentId: string) => Promise<boolean>;

export interface Outbox {
  /** Step 1: writes the intents; resolves with their ids, one per entry, in order. */
  intend(entries: OutboxEntry[]): Promise<string[]>;
  /** Step 3: the state changes stood: publish their events now (batched), then delete them. Never throws; what fails is left to the sweep. */
  confirm(intentIds: string[]): void;
  /** The state changes were refused (duplicate, conflict): delete the intents unpublished. */
  cancel(intentIds: string[]): Promise<void>;
  /** Resolves once everything pending at call time was published (tests, shutdown). */
  flush(): Promise<void>;
  /** Intents not yet published. */
  pending(): Promise<number>;
  /**
   * When the oldest intent not yet published was written (undefined: none). Reads only
   * `createdAt` of at most the sweep's scan limit of intents (the collection holds only
   * pending ones), as the sweep's own read does: it costs what is pending, never history.
   */
  oldestPendingAt(): Promise<Date | undefined>;
  /** The collection of its intents (e.g. `outbox`), naming it in figures. */
  readonly collection: string;
  /** Intents whose events the broker refused every time, set aside in `<collection>_parked`. */
  parked(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
