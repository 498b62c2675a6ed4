import type { UsageQueries, PeriodRange } from './store/usage-queries';
import type { makeRecordUsages } from './use-cases/record-usages';

export interface Context {
  queries: UsageQueries;
  recordUsages: ReturnType<typeof makeRecordUsages>;
  /** A period "YYYY-MM" as instants in the billing time zone; BAD_USER_INPUT when malformed. */
  periodRange: (period: string) => PeriodRange;
}
