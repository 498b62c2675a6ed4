import { DomainError, type ErrorCode } from '@tally/errors';
import { sameUsageContent, validateUsageInput, type UsageInput } from '../domain/usage-input';
import type { UsageRecord } from '../domain/usage-record';
import { USAGE_RECORD_KIND, type UsageDeps } from './deps';

export type Outcome =
  | { kind: 'accepted'; record: UsageRecord }
  | { kind: 'duplicate'; record: UsageRecord }
  | { kind: 'rejected'; code: ErrorCode; message: string };

export const MAX_BATCH = 1000;

const conflict = (id: string): Outcome => ({
  kind: 'rejected',
  code: 'CONFLICT',
  message: `usage ${id} was already recorded with different content`,
});

/** A repeat of a stored id: a duplicate with the first record when the content is the same. */
const judgeRepeat = (stored: UsageRecord, record: UsageRecord): Outcome =>
  sameUsageContent(stored, record) ? { kind: 'duplicate', record: stored } : conflict(stored.id);

type Candidate = { index: number; record: UsageRecord };

/**
 * Judges every item alone, in batched reads and writes: invalid input, id clashes (within the
 * batch or with earlier records) and unknown users are rejected; identical repeats are
 * duplicates that change nothing and publish nothing. New records follow the outbox protocol:
 * intents first, then the records (each carrying its intent's id) and their day buckets,
 * then confirm; a crash in between is finished by the outbox sweep (see redo-usage-record).
 */
export function makeRecordUsages(deps: UsageDeps) {
  return async (inputs: UsageInput[], now = new Date()): Promise<Outcome[]> => {
    const outcomes: Array<Outcome | undefined> = new Array(inputs.length);
    const candidates = new Map<string, Candidate>();
    const repeats: Array<Candidate & { firstIndex: number }> = [];
    inputs.forEach((input, index) => {
      try {
        const record = { ...validateUsageInput(input, now), id: input.id, recordedAt: now };
        const first = candidates.get(record.id);
        if (!first) candidates.set(record.id, { index, record });
        else repeats.push({ index, record, firstIndex: first.index });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcomes[index] = { kind: 'rejected', code: err.code, message: err.message };
      }
    });

    for (const stored of await deps.records.byIds([...candidates.keys()])) {
      const c = candidates.get(stored.id)!;
      outcomes[c.index] = judgeRepeat(stored, c.record);
      candidates.delete(stored.id);
    }

    const unknown = await deps.users.unknownOf(
      [...candidates.values()].map((c) => c.record.userId),
    );
    for (const [id, c] of candidates) {
      if (!unknown.has(c.record.userId)) continue;
      outcomes[c.index] = {
        kind: 'rejected',
        code: 'NOT_FOUND',
        message: `no user ${c.record.userId}`,
      };
      candidates.delete(id);
    }

    await writeNew(deps, [...candidates.values()], outcomes);

    // An id repeated within the batch shares the fate of its first occurrence.
    for (const r of repeats) {
      const first = outcomes[r.firstIndex]!;
      outcomes[r.index] = first.kind === 'rejected' ? first : judgeRepeat(first.record, r.record);
    }
    return outcomes as Outcome[];
  };
}

async function writeNew(
  deps: UsageDeps,
  fresh: Candidate[],
  outcomes: Array<Outcome | undefined>,
): Promise<void> {
  if (fresh.length === 0) return;
  const intentIds = await deps.outbox.intend(
    fresh.map((c) => ({
      kind: USAGE_RECORD_KIND,
      change: c.record,
      messages: deps.eventsOf(c.record),
    })),
  );
  const raced = await deps.records.insertNew(
    fresh.map((c, i) => ({ record: c.record, outboxId: intentIds[i]! })),
  );
  const stood: UsageRecord[] = [];
  const stoodIntents: string[] = [];
  const refusedIntents: string[] = [];
  fresh.forEach((c, i) => {
    const winner = raced.get(c.record.id);
    // A concurrent writer stored this id first; unless it is our own intent's redo, judge it.
    if (winner && winner.outboxId !== intentIds[i]) {
      outcomes[c.index] = judgeRepeat(winner, c.record);
      refusedIntents.push(intentIds[i]!);
      return;
    }
    outcomes[c.index] = { kind: 'accepted', record: c.record };
    stood.push(c.record);
    stoodIntents.push(intentIds[i]!);
  });
  if (refusedIntents.length > 0) await deps.outbox.cancel(refusedIntents);
  if (stood.length === 0) return;
  await deps.days.write(stood);
  deps.outbox.confirm(stoodIntents);
}
