import DataLoader from 'dataloader';
import type { Plan, Subscription, User } from '../domain/types';
import type { ReadDeps } from './deps';

/**
 * Batches the lookups of one request into one `_id $in` read per kind and tick. Made per
 * request (in the GraphQL context), so nothing is cached across requests.
 */
export function createLoaders(deps: ReadDeps) {
  return {
    users: new DataLoader<string, User | null>(async (ids) =>
      inOrder(ids, await deps.users.byIds(ids)),
    ),
    plans: new DataLoader<string, Plan | null>(async (ids) =>
      inOrder(ids, await deps.plans.byIds(ids)),
    ),
    /** A user's subscriptions, in no particular order. */
    subscriptions: new DataLoader<string, Subscription[]>(async (userIds) => {
      const found = await deps.subscriptions.ofUsers(userIds);
      return userIds.map((id) => found.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function inOrder<T extends { id: string }>(ids: readonly string[], found: T[]): Array<T | null> {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id) ?? null);
}
