import {
  createOutboxRelay,
  createProducer,
  topicsWorker,
  createSubgraphApp,
  kafkaHealth,
  mongoHealth,
  readSchema,
  type BuiltSubgraph,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import type { Context } from './context';
import { createUserEvents } from './events/user-events';
import { resolvers } from './resolvers';
import { planModel } from './store/plan-model';
import { subscriptionModel } from './store/subscription-model';
import { createUserQueries } from './store/user-queries';
import { userModel } from './store/user-model';
import { makeCreatePlan } from './use-cases/create-plan';
import { makeSignUp } from './use-cases/sign-up';
import { makeSubscribePlan } from './use-cases/subscribe-plan';

export const subgraphName = 'user';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(
  deps: SubgraphDeps<Settings>,
): Promise<BuiltSubgraph & { relay: ReturnType<typeof createOutboxRelay> }> {
  const models = {
    users: userModel(deps.db),
    plans: planModel(deps.db),
    subscriptions: subscriptionModel(deps.db),
  };
  await Promise.all(Object.values(models).map((m) => m.init()));
  const relay = createOutboxRelay({
    models: Object.values(models),
    producer: createProducer(deps.kafka),
    logger: deps.logger,
  });
  const events = createUserEvents(deps.settings.topics);
  const written = (model: (typeof models)[keyof typeof models]) => (docs: Array<{ _id: string }>) =>
    relay.publish(model, docs);
  const context: Context = {
    queries: createUserQueries(models),
    signUp: makeSignUp({ users: models.users, events, written: written(models.users) }),
    createPlan: makeCreatePlan({ plans: models.plans, events, written: written(models.plans) }),
    subscribePlan: makeSubscribePlan({ ...models, events, written: written(models.subscriptions) }),
  };
  const { httpServer } = await createSubgraphApp({
    typeDefs: schema.typeDefs,
    resolvers: resolvers as never,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: kafkaHealth(deps.kafka),
      registry: deps.registry.health,
    },
    context: async () => context,
  });
  return {
    httpServer,
    relay,
    workers: [
      topicsWorker(deps.kafka, [deps.settings.topics.users], deps.settings.kafka.partitions),
      relay,
    ],
  };
}
