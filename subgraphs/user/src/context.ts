import type { UserQueries } from './store/user-queries';
import type { makeCreatePlan } from './use-cases/create-plan';
import type { makeSignUp } from './use-cases/sign-up';
import type { makeSubscribePlan } from './use-cases/subscribe-plan';

/** What every resolver gets: the read side and the use cases; nothing else. */
export interface Context {
  queries: UserQueries;
  signUp: ReturnType<typeof makeSignUp>;
  createPlan: ReturnType<typeof makeCreatePlan>;
  subscribePlan: ReturnType<typeof makeSubscribePlan>;
}
