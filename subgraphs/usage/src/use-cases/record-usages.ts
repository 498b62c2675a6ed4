import { DomainError, type ErrorCode } from '@tally/errors';
import { withOutbox, type OutboxDoc, type OutboxMessage } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { sameUsageContent, validateUsageInput, type UsageInput } from '../domain/usage-input';
import type { UsageRecordDoc } from '../store/usage-record-model';
import type { UserDirectory } from '../store/user-directory';
import { insertNew } from '../store/insert-new';

export type Outcome =
  | { kind: 'accepted'; record: UsageRecordDoc }
  | { kind: 'duplicate'; record: UsageRecordDoc }
  | { kind: 'rejected'; code: ErrorCode; message: string };

export const MAX_BATCH = 1000;

const conflict = (id: string): Outcome => ({
  kind: 'rejected',
  code: 'CONFLICT',
  message: `usage ${id} was already recorded with different content`,
});

/**
 * Judges every item alone, in one pass of batched reads and one batched write: invalid
 * input, id clashes (within the batch or with earlier records) and unknown users are
 * rejected; identical repeats are duplicates that change nothing and publish nothing.
 */
export function makeRecordUsages(deps: {
  records: Model<UsageRecordDoc>;
  users: UserDirectory;
  toEvent: (r: UsageRecordDoc) => OutboxMessage;
  /** Called with documents just written with their outbox: the relay publishes them at once. */
  written: (docs: Array<OutboxDoc & { _id: string }>) => void;
}) {
  return async (inputs: UsageInput[], now = new Date()): Promise<Outcome[]> => {
    const outcomes: Array<Outcome | undefined> = new Array(inputs.length);
    const candidates = new Map<string, { index: number; record: UsageRecordDoc }>();
    const repeats: Array<{ index: number; record: UsageRecordDoc; firstIndex: number }> = [];
    inputs.forEach((input, index) => {
      try {
        const record: UsageRecordDoc = {
          ...validateUsageInput(input, now),
          _id: input.id,
          recordedAt: now,
        };
        const first = candidates.get(record._id);
        if (!first) candidates.set(record._id, { index, record });
        else repeats.push({ index, record, firstIndex: first.index });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcomes[index] = { kind: 'rejected', code: err.code, message: err.message };
      }
    });

    const existing = await deps.records
      .find({ _id: { $in: [...candidates.keys()] } }, { outbox: 0, outboxPending: 0 })
      .lean<UsageRecordDoc[]>();
    for (const old of existing) {
      const c = candidates.get(old._id)!;
      outcomes[c.index] = sameUsageContent(old, c.record)
        ? { kind: 'duplicate', record: old }
        : conflict(old._id);
      candidates.delete(old._id);
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

    const owed = [...candidates.values()].map((c) =>
      withOutbox(c.record, [deps.toEvent(c.record)]),
    );
    const raced = await insertNew(deps.records, owed);
    for (const c of candidates.values()) {
      const winner = raced.get(c.record._id);
      outcomes[c.index] = !winner
        ? { kind: 'accepted', record: c.record }
        : sameUsageContent(winner, c.record)
          ? { kind: 'duplicate', record: winner }
          : conflict(winner._id);
    }
    deps.written(owed.filter((d) => !raced.has(d._id)));

    // An id repeated within the batch shares the fate of its first occurrence.
    for (const r of repeats) {
      const first = outcomes[r.firstIndex]!;
      outcomes[r.index] =
        first.kind === 'rejected'
          ? first
          : sameUsageContent(first.record, r.record)
            ? { kind: 'duplicate', record: first.record }
            : conflict(r.record._id);
    }
    return outcomes as Outcome[];
  };
}
