import { DomainError } from '@tally/errors';

const INT_MAX = 2_147_483_647;

/**
 * Resolvers for Int fields that sums can push past 32 bits (a bill of many large records):
 * such a value is answered as OVERFLOW naming the field, never as an internal error, and the
 * rest of the answer stays intact.
 */
export function int32Fields<K extends string>(type: string, fields: readonly K[]) {
  const resolvers = {} as Record<K, (parent: Record<K, number>) => number>;
  for (const field of fields) {
    resolvers[field] = (parent) => {
      const value = parent[field];
      if (Math.abs(value) > INT_MAX)
        throw new DomainError(
          'OVERFLOW',
          `${type}.${field} is ${value.toLocaleString('en-US')}, beyond what a GraphQL Int holds (${INT_MAX.toLocaleString('en-US')})`,
        );
      return value;
    };
  }
  return resolvers;
}
