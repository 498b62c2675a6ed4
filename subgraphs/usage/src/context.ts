import DataLoader from 'dataloader';
import type { UsageRecord } from './domain/usage-record';
import type { makeRecordUsages } from './use-cases/record-usages';
import type { UsageQueries } from './use-cases/usage-queries';

/** Built per request, so the loader batches and caches within one request only. */
export interface Context {
  queries: UsageQueries;
  recordUsages: ReturnType<typeof makeRecordUsages>;
  /** Records by id, batched into one `_id $in` per request tick. */
  recordById: DataLoader<string, UsageRecord | null>;
}

export function createContext(deps: Omit<Context, 'recordById'>): Context {
  return { ...deps, recordById: new DataLoader((ids) => deps.queries.byIds(ids)) };
}
