import type { SubgraphClient } from '@tally/service-kit';
import type { KnownUsers, UserDirectory } from '../domain/ports';

const ENTITIES = `query KnownUsers($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id } }
}`;

/**
 * Which user ids exist. Our own copy (fed by UserSignedUp) answers most; ids not there yet,
 * e.g. right after signUp returned, are asked of the user subgraph in one call and remembered.
 */
export function makeUserDirectory(deps: {
  knownUsers: KnownUsers;
  userSubgraph: SubgraphClient;
}): UserDirectory {
  return {
    async unknownOf(ids) {
      const wanted = [...new Set(ids)];
      const known = await deps.knownUsers.knownOf(wanted);
      const toAsk = wanted.filter((id) => !known.has(id));
      if (toAsk.length === 0) return new Set();
      const data = await deps.userSubgraph<{ _entities: Array<{ id: string } | null> }>(ENTITIES, {
        representations: toAsk.map((id) => ({ __typename: 'User', id })),
      });
      const found = data._entities.flatMap((e) => (e ? [e.id] : []));
      await deps.knownUsers.remember(found, 'lookup');
      const foundSet = new Set(found);
      return new Set(toAsk.filter((id) => !foundSet.has(id)));
    },
  };
}
