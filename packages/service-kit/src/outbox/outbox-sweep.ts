import type { Publisher } from '@tally/messaging';
import type { Collection } from 'mongoose';
import type { Logger } from 'pino';
import type { Ledger } from './outbox-ledger';
import { cutBatches, publishIsolating } from './outbox-publish';
import { duplicateIndexes } from '../data/mongo-errors';
import { oldestFirst, type IntentDoc, type IntentHead, type ParkedDoc } from './outbox-store';
import type { OutboxRedo } from './outbox-types';

export interface SweepDeps {
  intents: Collection<IntentDoc>;
  parked: Collection<ParkedDoc>;
  /** Refusals by the broker after which an intent is parked instead of tried again. */
  maxPublishAttempts: number;
  ledger: Ledger;
  publisher: Publisher;
  logger: Logger;
  redo: Record<string, OutboxRedo<never>>;
  graceMs: number;
  batchSize: number;
  maxBatchBytes: number;
  /** How many intents one read looks at (their ids, kinds and times only). */
  scanLimit: number;
  /** First pause before an intent that failed on its own is tried again; it doubles up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  isStopped: () => boolean;
}

interface Tally {
  published: number;
  dropped: number;
  parked: number;
}

const REDO_CONCURRENCY = 8;

/**
 * Finishes intents a crash or a failed publish left behind: re-applies each through its
 * kind's redo, publishes those whose state stands, deletes them and the refused. Each kind
 * goes on its own, oldest first; a failure is logged in one line and holds back only its own
 * kind until the next pass, and an intent that fails on its own waits (growing pauses) so
 * the intents behind it go on.
 */
export function createSweep(deps: SweepDeps) {
  const { intents, ledger, logger } = deps;

  async function finishBatch(kind: string, redo: OutboxRedo<never>, ids: string[]) {
    // `ids` are oldest first; the store answers `$in` in an order of its own.
    const found = new Map(
      (await intents.find({ _id: { $in: ids } }).toArray()).map((d) => [d._id, d]),
    );
    const docs = ids.flatMap((id) => found.get(id) ?? []);
    const verdicts = await mapLimit(docs, REDO_CONCURRENCY, (d) =>
      redo(d.change as never, d._id).then(
        (stands) => ({ d, stands }),
        (err: unknown) => ({ d, err }),
      ),
    );
    const owned: IntentDoc[] = [];
    const refused: string[] = [];
    const broken: Array<{ d: IntentDoc; err: unknown }> = [];
    for (const v of verdicts) {
      if ('err' in v) broken.push(v);
      else if (v.stands) owned.push(v.d);
      else refused.push(v.d._id);
    }
    if (broken.length > 0) {
      logger.warn(
        { kind, intents: broken.length, err: broken[0]!.err },
        'outbox sweep: redo failed; retrying later',
      );
      setAside(broken.map((b) => b.d._id));
    }
    const tally: Tally = { published: 0, dropped: 0, parked: 0 };
    const items = owned.map((d) => ({ id: d._id, messages: d.messages }));
    for (const batch of cutBatches(items, deps.batchSize, deps.maxBatchBytes)) {
      const rejected = await publishIsolating(deps.publisher, batch);
      if (rejected.length > 0) {
        logger.error(
          { kind, intents: rejected.length, err: rejected[0]!.err },
          'outbox sweep: the broker refused these events; retrying later',
        );
        const now = Date.now();
        const spent = rejected.filter(
          (r) =>
            ledger.failed(r.item.id, now, deps.retryBaseMs, deps.retryMaxMs) >=
            deps.maxPublishAttempts,
        );
        tally.parked += await park(
          kind,
          spent.map((r) => ({ doc: found.get(r.item.id)!, err: r.err })),
        );
      }
      const notSent = new Set(rejected.map((r) => r.item.id));
      const sent = batch.map((b) => b.id).filter((id) => !notSent.has(id));
      await remove(sent);
      tally.published += sent.length;
    }
    await remove(refused);
    tally.dropped += refused.length;
    return tally;
  }

  /**
   * Moves intents the broker kept refusing aside, with the reason; an insert that finds one
   * already parked (a crash before the delete) counts as done.
   */
  async function park(kind: string, refused: Array<{ doc: IntentDoc; err: unknown }>) {
    if (refused.length === 0) return 0;
    const parkedAt = new Date();
    const docs: ParkedDoc[] = refused.map(({ doc, err }) => ({
      ...doc,
      reason: err instanceof Error ? err.message : String(err),
      attempts: deps.maxPublishAttempts,
      parkedAt,
    }));
    await deps.parked.insertMany(docs, { ordered: false }).catch(duplicateIndexes);
    await remove(docs.map((d) => d._id));
    logger.error(
      { kind, intents: docs.length, reason: docs[0]!.reason, attempts: deps.maxPublishAttempts },
      'outbox: events the broker refused every time were parked; the rest go on',
    );
    return docs.length;
  }

  async function remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await intents.deleteMany({ _id: { $in: ids } });
    ledger.done(ids);
  }

  function setAside(ids: string[]): void {
    const now = Date.now();
    for (const id of ids) ledger.failed(id, now, deps.retryBaseMs, deps.retryMaxMs);
  }

  async function sweepKind(kind: string, heads: IntentHead[], tally: Tally): Promise<void> {
    const redo = deps.redo[kind];
    if (!redo) {
      logger.error({ kind, intents: heads.length }, 'outbox sweep: no redo for this kind; left');
      setAside(heads.map((h) => h._id));
      return;
    }
    for (let i = 0; i < heads.length && !deps.isStopped(); i += deps.batchSize) {
      const ids = ledger.claim(heads.slice(i, i + deps.batchSize).map((h) => h._id));
      if (ids.length === 0) continue;
      try {
        const done = await finishBatch(kind, redo, ids);
        tally.published += done.published;
        tally.dropped += done.dropped;
        tally.parked += done.parked;
      } catch (err) {
        // Its newer intents wait for the next pass, so the kind stays oldest first.
        logger.warn({ err, kind, intents: ids.length }, 'outbox sweep: batch failed; next pass');
        return;
      } finally {
        ledger.release(ids);
      }
    }
  }

  /** One read and what it shows; answers whether another read may find more to do. */
  async function sweepOnce(tally: Tally): Promise<boolean> {
    const now = Date.now();
    const waiting = ledger.waiting(now);
    const heads = await intents
      .find(waiting.length > 0 ? { _id: { $nin: waiting } } : {})
      .project<IntentHead>({ kind: 1, createdAt: 1 })
      .limit(deps.scanLimit)
      .toArray();
    const due = oldestFirst(
      heads.filter((h) => !ledger.isClaimed(h._id) && h.createdAt.getTime() <= now - deps.graceMs),
    );
    const byKind = new Map<string, IntentHead[]>();
    for (const h of due) {
      const list = byKind.get(h.kind);
      if (list) list.push(h);
      else byKind.set(h.kind, [h]);
    }
    const before = tally.published + tally.dropped + tally.parked;
    for (const [kind, list] of byKind) {
      if (deps.isStopped()) return false;
      await sweepKind(kind, list, tally);
    }
    return (
      heads.length === deps.scanLimit && tally.published + tally.dropped + tally.parked > before
    );
  }

  /** A pass: reads until nothing more can be finished now. */
  return async function sweep(): Promise<Tally> {
    const tally: Tally = { published: 0, dropped: 0, parked: 0 };
    while (!deps.isStopped() && (await sweepOnce(tally)));
    const now = Date.now();
    ledger.forgetIntendedBefore(now - 2 * deps.graceMs - deps.retryBaseMs);
    ledger.forgetPausesBefore(now - deps.retryMaxMs);
    if (tally.published + tally.dropped + tally.parked > 0)
      logger.info(tally, 'outbox sweep finished intents left behind');
    return tally;
  };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
