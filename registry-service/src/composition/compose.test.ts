import { compose, routingUrl } from './compose';

const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const users = {
  name: 'users',
  sdl: `${link}\ntype Query { user(id: ID!): User }\ntype User @key(fields: "id") { id: ID! name: String! }`,
};
const usage = {
  name: 'usage',
  sdl: `${link}\ntype User @key(fields: "id") { id: ID! minutes: Int! }`,
};

describe('compose', () => {
  it('composes subgraphs into a supergraph whose id is the sha256 of its SDL', () => {
    const result = compose([usage, users]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.supergraph.id).toMatch(/^[0-9a-f]{64}$/);
    expect(result.supergraph.sdl).toContain(routingUrl('users'));
    expect(result.supergraph.sdl).toContain('minutes: Int!');
  });

  it('gives the same id for the same subgraphs', () => {
    const a = compose([users, usage]);
    const b = compose([users, usage]);
    expect(a.ok && b.ok && a.supergraph.id === b.supergraph.id).toBe(true);
  });

  it('reports composition errors with their codes', () => {
    const clash = { name: 'clash', sdl: `${link}\ntype Query { user(id: ID!): Int }` };
    const result = compose([users, clash]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({
        code: expect.any(String),
        message: expect.stringContaining('user'),
      });
  });

  it('reports an unparsable SDL as INVALID_GRAPHQL naming the subgraph', () => {
    const result = compose([users, { name: 'broken', sdl: 'type Query {' }]);
    expect(result).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_GRAPHQL', message: expect.stringContaining('[broken]') }],
    });
  });
});
