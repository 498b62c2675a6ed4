import type { OutboxMessage } from './outbox-types';

/** An intent this process wrote and whose request has not confirmed or cancelled it yet. */
export interface Intended {
  messages: OutboxMessage[];
  at: number;
}

/**
 * What this process knows in memory about intents, shared by the confirm path and the sweep
 * so that they never work on the same intent at once. The collection stays the truth: an
 * intent forgotten here is still finished by the sweep (through its redo).
 */
export function createLedger() {
  /** Written by this process, awaiting confirm or cancel (messages kept to publish at once). */
  const intended = new Map<string, Intended>();
  /** Claimed by the confirm path or the sweep: nobody else touches them. */
  const inFlight = new Set<string>();
  /** Intents that failed on their own (bad event, failing redo, unknown kind): retried later. */
  const backoff = new Map<string, { until: number; failures: number }>();

  return {
    intended,
    /** Takes the intents not yet claimed and claims them; a late confirm then finds nothing. */
    claim(ids: string[]): string[] {
      const taken = ids.filter((id) => !inFlight.has(id));
      for (const id of taken) {
        inFlight.add(id);
        intended.delete(id);
      }
      return taken;
    },
    release(ids: string[]): void {
      for (const id of ids) inFlight.delete(id);
    },
    isClaimed: (id: string) => inFlight.has(id),
    claimedCount: () => inFlight.size,
    /** Retry an intent that failed on its own after a growing pause (up to `maxMs`). */
    failed(id: string, now: number, baseMs: number, maxMs: number): number {
      const failures = (backoff.get(id)?.failures ?? 0) + 1;
      backoff.set(id, { failures, until: now + Math.min(maxMs, baseMs * 2 ** (failures - 1)) });
      return failures;
    },
    done(ids: string[]): void {
      for (const id of ids) backoff.delete(id);
    },
    isWaiting: (id: string, now: number) => (backoff.get(id)?.until ?? 0) > now,
    /** Ids the sweep should not read now (small: only intents that failed on their own). */
    waiting(now: number): string[] {
      return [...backoff].filter(([, b]) => b.until > now).map(([id]) => id);
    },
    /** Forgets intents no request will confirm any more; the sweep finishes them from the store. */
    forgetIntendedBefore(cutoff: number): void {
      for (const [id, i] of intended) if (i.at < cutoff) intended.delete(id);
    },
    /** Forgets pauses long over (e.g. of an intent another process finished). */
    forgetPausesBefore(cutoff: number): void {
      for (const [id, b] of backoff) if (b.until < cutoff) backoff.delete(id);
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
