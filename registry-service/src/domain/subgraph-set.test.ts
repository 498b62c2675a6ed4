import { changesSchema, withoutSubgraph, withSubgraph } from './subgraph-set';

const users = { name: 'users', sdl: 'type Query { a: Int }' };
const usage = { name: 'usage', sdl: 'type Query { b: Int }' };

describe('subgraph sets', () => {
  it('adds a new subgraph, sorted by name', () => {
    expect(withSubgraph([users], usage).map((s) => s.name)).toEqual(['usage', 'users']);
  });

  it('replaces the SDL of a subgraph of the same name', () => {
    const next = { name: 'users', sdl: 'type Query { a: Int, c: Int }' };
    expect(withSubgraph([users, usage], next)).toEqual([usage, next]);
  });

  it('removes a subgraph by name', () => {
    expect(withoutSubgraph([users, usage], 'users')).toEqual([usage]);
  });

  it('says whether a registration changes the schema', () => {
    expect(changesSchema([users], { ...users })).toBe(false);
    expect(changesSchema([users], { name: 'users', sdl: 'type Query { z: Int }' })).toBe(true);
    expect(changesSchema([users], usage)).toBe(true);
  });
});
