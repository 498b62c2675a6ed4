import type { SubgraphClient } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { KnownUserDoc } from './known-user-model';

const ENTITIES = `query KnownUsers($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id } }
}`;

/**
 * Which user ids exist. Our own copy (fed by UserSignedUp) answers most; ids not there yet,
 * e.g. right after signUp returned, are asked of the user subgraph in one call and remembered.
 */
export function createUserDirectory(deps: {
  knownUsers: Model<KnownUserDoc>;
  userSubgraph: SubgraphClient;
}) {
  return {
    async unknownOf(ids: string[]): Promise<Set<string>> {
      const wanted = [...new Set(ids)];
      const known = await deps.knownUsers.find({ _id: { $in: wanted } }, { _id: 1 }).lean();
      const knownIds = new Set(known.map((k) => k._id));
      const toAsk = wanted.filter((id) => !knownIds.has(id));
      if (toAsk.length === 0) return new Set();
      const data = await deps.userSubgraph<{ _entities: Array<{ id: string } | null> }>(ENTITIES, {
        representations: toAsk.map((id) => ({ __typename: 'User', id })),
      });
      const found = data._entities.flatMap((e) => (e ? [e.id] : []));
      if (found.length > 0) {
        await deps.knownUsers.bulkWrite(
          found.map((id) => ({
            updateOne: {
              filter: { _id: id },
              update: { $setOnInsert: { source: 'lookup' } },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      }
      const foundSet = new Set(found);
      return new Set(toAsk.filter((id) => !foundSet.has(id)));
    },
    /** From UserSignedUp events: idempotent. */
    async remember(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      await deps.knownUsers.bulkWrite(
        ids.map((id) => ({
          updateOne: { filter: { _id: id }, update: { $set: { source: 'event' } }, upsert: true },
        })),
        { ordered: false },
      );
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
