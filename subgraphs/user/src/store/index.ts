import type { Connection } from 'mongoose';
import { closedPeriodModel } from './closed-period-model';
import { makeClosedPeriodStore } from './closed-period-store';
import { planModel } from './plan-model';
import { makePlanStore } from './plan-store';
import { makeSubscriptionStore } from './subscription-store';
import { userModel } from './user-model';
import { makeUserStore } from './user-store';
import { userSubscriptionsModel } from './user-subscriptions-model';

export function makeStores(db: Connection) {
  const models = {
    users: userModel(db),
    plans: planModel(db),
    subscriptions: userSubscriptionsModel(db),
    closedPeriods: closedPeriodModel(db),
  };
  return {
    users: makeUserStore(models.users),
    plans: makePlanStore(models.plans),
    subscriptions: makeSubscriptionStore(models.subscriptions),
    closedPeriods: makeClosedPeriodStore(models.closedPeriods),
    /** Creates the collections and the unique phone index; only after ensureLayout. */
    ready: () => Promise.all(Object.values(models).map((m) => m.init())).then(() => undefined),
  };
}

export type Stores = ReturnType<typeof makeStores>;
