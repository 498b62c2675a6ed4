import { deepFreeze, deepMerge, setPath } from './deep-merge';

describe('deepMerge', () => {
  it('lets later layers win, merging objects key by key', () => {
    const merged = deepMerge({ a: 1, o: { x: 1, y: 1 } }, { o: { y: 2 } }, { o: { z: 3 } });
    expect(merged).toEqual({ a: 1, o: { x: 1, y: 2, z: 3 } });
  });

  it('replaces arrays and scalars instead of merging them', () => {
    expect(deepMerge({ list: [1, 2], o: { k: 1 } }, { list: [3], o: 'flat' })).toEqual({
      list: [3],
      o: 'flat',
    });
  });
});

describe('setPath', () => {
  it('creates the objects along a dotted path', () => {
    const tree = { mongo: { url: 'x' } };
    setPath(tree, 'mongo.database', 'db');
    setPath(tree, 'kafka.brokers', 'a:1');
    expect(tree).toEqual({ mongo: { url: 'x', database: 'db' }, kafka: { brokers: 'a:1' } });
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects', () => {
    const frozen = deepFreeze({ o: { k: 1 } });
    expect(Object.isFrozen(frozen.o)).toBe(true);
  });
});
