import { createInstancePool } from './instance-pool';
import { createPassiveHealth } from './passive-health';

const a = { instanceId: 'user-a', url: 'http://a/graphql' };
const b = { instanceId: 'user-b', url: 'http://b/graphql' };

describe('the instance pool', () => {
  let clock = 0;
  const pool = () =>
    createInstancePool({ health: createPassiveHealth({ baseMs: 1000, now: () => clock }) });
  const picks = (p: ReturnType<typeof pool>, n: number) =>
    Array.from({ length: n }, () => p.pick('user')?.instanceId);

  it('hands out instances round-robin', () => {
    const p = pool();
    p.replace(new Map([['user', [a, b]]]));
    expect(new Set(picks(p, 4))).toEqual(new Set(['user-a', 'user-b']));
  });

  it('keeps the last known instances when the registry lists none for a subgraph', () => {
    const p = pool();
    p.replace(new Map([['user', [a, b]]]));
    p.replace(new Map([['user', []]]));
    expect(p.snapshot()).toEqual({ user: [a, b] });
    p.replace(new Map([['user', [b]]]));
    expect(p.snapshot()).toEqual({ user: [b] });
  });

  it('drops a subgraph the registry no longer names', () => {
    const p = pool();
    p.replace(new Map([['user', [a]]]));
    p.replace(new Map());
    expect(p.pick('user')).toBeUndefined();
  });

  it('skips an instance marked down until its back-off passes, then tries it again', () => {
    const p = pool();
    p.replace(new Map([['user', [a, b]]]));
    p.failed(a);
    expect(picks(p, 4)).toEqual(['user-b', 'user-b', 'user-b', 'user-b']);
    clock += 1000;
    expect(new Set(picks(p, 4))).toEqual(new Set(['user-a', 'user-b']));
  });

  it('when every instance is down, tries the one due back first', () => {
    const p = pool();
    p.replace(new Map([['user', [a, b]]]));
    p.failed(b);
    p.failed(a);
    p.failed(a); // a is skipped longer
    expect(p.pick('user')).toEqual(b);
    expect(p.pick('user', new Set(['user-b']))).toEqual(a);
  });
});
