import { DomainError } from '@tally/errors';
import type { UsageType } from '@tally/events';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '@tally/service-kit';
import type { UsageDays, UsageRecords } from '../domain/ports';
import type { PagePosition } from '../domain/usage-order';
import type { UsageRecord } from '../domain/usage-record';

const cursorOf = (r: UsageRecord) => encodeCursor([r.occurredAt.getTime(), r.id]);

function positionOf(cursor: string | null | undefined): PagePosition | null {
  if (!cursor) return null;
  const [ms, id] = decodeCursor(cursor, 2);
  if (typeof ms !== 'number' || Number.isNaN(new Date(ms).getTime()) || typeof id !== 'string')
    throw new DomainError('BAD_USER_INPUT', `'after' is not a cursor this API gave out: ${cursor}`);
  return { occurredAtMs: ms, id };
}

/** The read side: records by id, a user's page of a period, the period's summary. */
export function makeUsageQueries(deps: { records: UsageRecords; days: UsageDays }) {
  return {
    /** In the order asked, null where there is no such record (a DataLoader batch). */
    async byIds(ids: readonly string[]): Promise<Array<UsageRecord | null>> {
      const found = new Map((await deps.records.byIds(ids)).map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    },
    /** Newest first, by (occurredAt, id) descending. */
    async page(
      userId: string,
      period: string,
      opts: { type?: UsageType | null; first?: number | null; after?: string | null },
    ) {
      const size = pageSize(opts.first, 50);
      const rows = await deps.days.newestFirst(userId, period, {
        type: opts.type,
        limit: size + 1,
        after: positionOf(opts.after),
      });
      return toConnection(rows, size, cursorOf);
    },
    async summary(userId: string, period: string) {
      return { period, ...(await deps.days.summary(userId, period)) };
    },
  };
}

export type UsageQueries = ReturnType<typeof makeUsageQueries>;
