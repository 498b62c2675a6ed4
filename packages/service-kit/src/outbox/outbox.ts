/**
 * The outbox: events owed by a state change are never lost, without transactions.
 *
 * Protocol, per state change that owes events:
 *   1. `intend` writes the intent `{ _id, kind, change, messages, createdAt }` to the outbox
 *      collection, which holds only unpublished intents (so a sweep costs what is pending);
 *   2. the caller writes the state, carrying `outboxId: <intent id>`;
 *   3. `confirm` publishes the events at once (batched across requests, acks from all
 *      replicas) and deletes the intent by `_id`; `cancel` deletes a refused one unpublished.
 * The sweep (at start, every `sweepMs`, on `flush`) finishes intents older than `graceMs`
 * that nobody in this process is working on: `redo[kind](change, id)` re-applies the state
 * idempotently and says whether the state that stands is this intent's; if so its events are
 * published, and the intent is deleted either way.
 *
 * Crash windows:
 *   - after the intent, before the state: the redo writes the state, the events go out once;
 *   - after the state, before publishing: the redo finds its own state, the events go out once;
 *   - after publishing, before the delete: the sweep publishes again. Delivery is at least
 *     once; consumers are idempotent (events carry their ids);
 *   - a state refused (another write's stands) and never cancelled: the redo says so, dropped.
 * Several processes sharing the collection may both sweep an old intent: again at least once.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { withTraceContext, type Publisher } from '@tally/messaging';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createLedger } from './outbox-ledger';
import { sendAll, takeBatch, type Publishable } from './outbox-publish';
import { intentCollection, oldestFirst, parkedCollection, type IntentDoc } from './outbox-store';
import { createSweep } from './outbox-sweep';
import type { Outbox, OutboxEntry, OutboxRedo } from './outbox-types';

export interface OutboxOptions {
  db: Connection;
  /** Connected by `start`, disconnected by `stop`: the outbox owns it. */
  publisher: Publisher;
  logger: Logger;
  /** Per kind, how to re-apply a state change after a crash (see `OutboxRedo`). */
  redo: Record<string, OutboxRedo<never>>;
  collection?: string;
  sweepMs?: number;
  /** The sweep leaves younger intents alone: their request may still be writing the state. */
  graceMs?: number;
  batchSize?: number;
  /** Refusals by the broker after which an intent's events are parked (default 5). */
  maxPublishAttempts?: number;
}

/** Stays under the broker's default 1 MB per request, whatever the events weigh. */
const MAX_BATCH_BYTES = 512 * 1024;
/** How many confirmed intents wait in memory; beyond, they are left to the sweep. */
const MAX_QUEUED_BATCHES = 50;
const RETRY_MAX_MS = 5 * 60_000;

/**
 * The largest event a state change may owe: the broker takes 1 MiB per message batch by
 * default (`message.max.bytes`), less its framing. Checked before anything is stored, so an
 * event that could never be published is refused with the request instead of blocking the
 * outbox later.
 */
export const MAX_EVENT_BYTES = 900 * 1024;

function refuseOversize(entry: OutboxEntry): void {
  for (const m of entry.messages) {
    const headers = Object.entries(m.headers ?? {}).reduce(
      (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
      0,
    );
    const bytes = Buffer.byteLength(m.value) + Buffer.byteLength(m.key) + headers;
    if (bytes > MAX_EVENT_BYTES)
      throw new DomainError(
        'BAD_USER_INPUT',
        `this change would publish an event of ${bytes.toLocaleString('en-US')} bytes to ${m.topic}; at most ${MAX_EVENT_BYTES.toLocaleString('en-US')} are allowed`,
      );
  }
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const sweepMs = opts.sweepMs ?? 5000;
  const batchSize = opts.batchSize ?? 1000;
  const collection = opts.collection ?? 'outbox';
  const intents = intentCollection(opts.db, collection);
  const parked = parkedCollection(opts.db, collection);
  const ledger = createLedger();
  const log = opts.logger.child({ component: 'outbox' });
  let stopped = true;

  const sweep = createSweep({
    intents,
    parked,
    maxPublishAttempts: opts.maxPublishAttempts ?? 5,
    ledger,
    publisher: opts.publisher,
    logger: log,
    redo: opts.redo,
    graceMs: opts.graceMs ?? 10_000,
    batchSize,
    maxBatchBytes: MAX_BATCH_BYTES,
    scanLimit: batchSize * 10,
    retryBaseMs: sweepMs,
    retryMaxMs: RETRY_MAX_MS,
    isStopped: () => stopped,
  });

  // The confirm path: one batch in flight at a time, so concurrent requests share batches.
  const queue: Publishable[] = [];
  const deleting = new Set<Promise<void>>();
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch(queue, batchSize, MAX_BATCH_BYTES);
      const ids = batch.map((b) => b.id);
      try {
        await sendAll(opts.publisher, batch);
      } catch (err) {
        log.warn({ err, intents: ids.length }, 'outbox publish failed; the sweep will retry');
        ledger.release(ids);
        continue;
      }
      // The next batch goes out while this one is deleted; its ids stay claimed until then.
      const deleted = intents
        .deleteMany({ _id: { $in: ids } })
        .then(
          () => undefined,
          (err: unknown) =>
            log.warn(
              { err, intents: ids.length },
              'outbox published but not deleted; resent later',
            ),
        )
        .finally(() => {
          ledger.release(ids);
          deleting.delete(deleted);
        });
      deleting.add(deleted);
    }
  }

  function kick(): void {
    draining ??= drain().finally(() => {
      draining = null;
      if (queue.length > 0 && !stopped) kick();
    });
  }

  async function drained(): Promise<void> {
    while (draining || deleting.size > 0) await Promise.all([draining, ...deleting]);
  }

  // Sweep passes never overlap; callers during a pass share the one after it.
  let sweeping: Promise<void> | null = null;
  let nextSweep: Promise<void> | null = null;
  function sweepSoon(): Promise<void> {
    if (!sweeping) {
      sweeping = sweep()
        .then(
          () => undefined,
          (err: unknown) => log.warn({ err }, 'outbox sweep failed; next pass'),
        )
        .finally(() => (sweeping = null));
      return sweeping;
    }
    nextSweep ??= sweeping.then(() => {
      nextSweep = null;
      return sweepSoon();
    });
    return nextSweep;
  }

  let timer: NodeJS.Timeout | undefined;
  function schedule(): void {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void sweepSoon().finally(schedule), sweepMs);
  }

  return {
    async intend(entries: OutboxEntry[]): Promise<string[]> {
      if (entries.length === 0) return [];
      for (const e of entries) refuseOversize(e);
      const createdAt = new Date();
      const docs: IntentDoc[] = entries.map((e) => ({
        _id: randomUUID(),
        kind: e.kind,
        change: e.change,
        // The request's trace goes with its events: published later, they continue it.
        messages: withTraceContext(e.messages),
        createdAt,
      }));
      const ids = docs.map((d) => d._id);
      try {
        await intents.insertMany(docs, { ordered: false });
      } catch (err) {
        // The caller gives up this change; an intent that landed anyway would be redone.
        await intents.deleteMany({ _id: { $in: ids } }).catch(() => undefined);
        throw err;
      }
      const at = createdAt.getTime();
      for (const d of docs) ledger.intended.set(d._id, { messages: d.messages, at });
      return ids;
    },

    confirm(intentIds: string[]): void {
      if (stopped) return;
      for (const id of intentIds) {
        const intended = ledger.intended.get(id);
        // Unknown here (the sweep took it, or it was forgotten): the sweep finishes it.
        if (!intended || ledger.isClaimed(id)) continue;
        if (queue.length >= MAX_QUEUED_BATCHES * batchSize) continue;
        ledger.claim([id]);
        queue.push({ id, messages: intended.messages });
      }
      if (queue.length > 0) kick();
    },

    async cancel(intentIds: string[]): Promise<void> {
      if (intentIds.length === 0) return;
      for (const id of intentIds) ledger.intended.delete(id);
      try {
        await intents.deleteMany({ _id: { $in: intentIds } });
      } catch (err) {
        // Left in place, the sweep's redo finds the state is not this intent's and drops it.
        log.warn(
          { err, intents: intentIds.length },
          'outbox cancel failed; the sweep will drop them',
        );
      }
    },

    async flush(): Promise<void> {
      await drained();
      await sweepSoon();
    },

    pending: () => intents.estimatedDocumentCount(),

    async oldestPendingAt(): Promise<Date | undefined> {
      const heads = await intents
        .find({}, { projection: { _id: 0, createdAt: 1 } })
        .limit(batchSize * 10)
        .toArray();
      return oldestFirst(heads)[0]?.createdAt;
    },

    collection,

    parked: () => parked.estimatedDocumentCount(),

    async start(): Promise<void> {
      stopped = false;
      await opts.publisher.connect();
      void sweepSoon().finally(schedule);
    },

    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await drained();
      await Promise.all([sweeping, nextSweep]);
      await opts.publisher.disconnect();
    },
  };
}
