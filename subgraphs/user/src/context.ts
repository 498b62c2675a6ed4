import { createLoaders, type Loaders } from './use-cases/loaders';
import { makeCreatePlan } from './use-cases/create-plan';
import type { UserDeps } from './use-cases/deps';
import { makeQueries, type Queries } from './use-cases/queries';
import { makeSignUp } from './use-cases/sign-up';
import { makeSubscribePlan } from './use-cases/subscribe-plan';

/** What every resolver gets: the use cases and this request's loaders; nothing else. */
export interface Context {
  loaders: Loaders;
  queries: Queries;
  signUp: ReturnType<typeof makeSignUp>;
  createPlan: ReturnType<typeof makeCreatePlan>;
  subscribePlan: ReturnType<typeof makeSubscribePlan>;
}

/** One context per request: fresh loaders each time, so no cache outlives its request. */
export function createContextFactory(deps: UserDeps): () => Promise<Context> {
  const shared = {
    queries: makeQueries(deps),
    signUp: makeSignUp(deps),
    createPlan: makeCreatePlan(deps),
    subscribePlan: makeSubscribePlan(deps),
  };
  return async () => ({ ...shared, loaders: createLoaders(deps) });
}
