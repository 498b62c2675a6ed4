import type { Connection } from 'mongoose';
import { knownUserModel } from './known-user-model';
import { makeKnownUsers } from './known-users';
import { usageDayModel } from './usage-day-model';
import { makeUsageDays } from './usage-days';
import { usageRecordModel } from './usage-record-model';
import { makeUsageRecords } from './usage-records';

/** The usage subgraph's stores over its database; `ready` creates the collections. */
export function makeStores(db: Connection, timeZone: string) {
  const models = {
    records: usageRecordModel(db),
    days: usageDayModel(db),
    knownUsers: knownUserModel(db),
  };
  return {
    records: makeUsageRecords(models.records),
    days: makeUsageDays(models.days, timeZone),
    knownUsers: makeKnownUsers(models.knownUsers),
    ready: async () => {
      await Promise.all(Object.values(models).map((m) => m.init()));
    },
  };
}

export type Stores = ReturnType<typeof makeStores>;
