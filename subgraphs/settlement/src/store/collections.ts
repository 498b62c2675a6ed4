import type { Connection } from 'mongoose';
import type { UsageDayDoc } from './usage-day-doc';
import type { UserPlansDoc } from './user-plans-doc';

export const USAGE_DAYS = 'usage_days';
export const USER_PLANS = 'user_plans';

/**
 * Settlement's state collections (besides `settlement_meta`, see time-zone-guard), used
 * through the driver: the documents are built by our own code, and mongoose's casting of
 * every update path tripled the cost of a batch.
 */
export function settlementCollections(db: Connection) {
  return {
    usageDays: db.collection<UsageDayDoc>(USAGE_DAYS),
    userPlans: db.collection<UserPlansDoc>(USER_PLANS),
  };
}

export type SettlementCollections = ReturnType<typeof settlementCollections>;
