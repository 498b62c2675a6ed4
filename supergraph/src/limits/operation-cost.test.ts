import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { sizeOperation } from './operation-cost';

// The shape of Tally's API where it matters: paged connections, plain lists, cycles.
const schema = buildSchema(`
  type Query {
    users(first: Int = 20, after: String): UserConnection!
    user(id: ID!): User
    plans: [Plan!]!
  }
  type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! }
  type UserEdge { cursor: String! node: User! }
  type PageInfo { hasNextPage: Boolean! }
  type User {
    id: ID!
    name: String!
    plan: Plan
    subscriptions: [Subscription!]!
    usages(first: Int = 50): UsageConnection!
  }
  type Subscription { id: ID! user: User! plan: Plan! }
  type UsageConnection { edges: [UsageEdge!]! }
  type UsageEdge { node: Usage! }
  type Usage { id: ID! amount: Int! }
  type Plan { id: ID! name: String! }
`);

function size(query: string, variables: Record<string, unknown> = {}, stopDepth = 50) {
  const doc = parse(query);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return sizeOperation(schema, operation, fragments, variables, stopDepth);
}

describe('sizeOperation', () => {
  it('counts a flat query field by field', () => {
    expect(size('{ user(id: "1") { id name } }')).toEqual({ depth: 2, aliases: 0, cost: 3 });
  });

  it('multiplies a connection by its page size: given, from a variable, or the default', () => {
    // users 1 + pageInfo 2 + edges 1 + first × (node 1 + id 1) = 4 + 2·first
    const q =
      'query($n: Int) { users(first: $n) { pageInfo { hasNextPage } edges { node { id } } } }';
    expect(size(q, { n: 10 }).cost).toBe(4 + 2 * 10);
    expect(size('{ users(first: 3) { edges { node { id } } } }').cost).toBe(2 + 2 * 3);
    expect(size('{ users { edges { node { id } } } }').cost).toBe(2 + 2 * 20);
  });

  it('takes 100 for a list without a page size', () => {
    expect(size('{ plans { id name } }').cost).toBe(1 + 100 * 2);
  });

  it('grows a hundredfold per level of nested lists, so the fan-out is refused', () => {
    const nested =
      '{ user(id: "1") { subscriptions { user { subscriptions { user { subscriptions { id } } } } } } }';
    const s = size(nested);
    expect(s.depth).toBe(7);
    expect(s.cost).toBeGreaterThan(1_000_000);
  });

  it('expands fragments, named and inline, and counts aliases', () => {
    const q = `
      query { a: user(id: "1") { ...F } b: user(id: "2") { ... on User { id } } }
      fragment F on User { id nick: name }
    `;
    expect(size(q)).toEqual({ depth: 2, aliases: 3, cost: 3 + 2 });
  });

  it('leaves introspection out and stops descending past the given depth', () => {
    expect(size('{ __schema { types { fields { type { ofType { name } } } } } }').cost).toBe(0);
    const deep = `{ user(id: "1") { ${'subscriptions { user { '.repeat(40)} id ${'} } '.repeat(40)} } }`;
    expect(size(deep, {}, 11).depth).toBe(11);
  });
});
