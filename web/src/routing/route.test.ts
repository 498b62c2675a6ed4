import { hrefOf, parseRoute, type Route } from './route';

describe('routes', () => {
  it('round-trips every page through the hash', () => {
    const routes: Route[] = [
      { page: 'users' },
      { page: 'plans' },
      { page: 'user', userId: 'u/1 x' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('falls back to the users page', () => {
    expect(parseRoute('')).toEqual({ page: 'users' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'users' });
  });
});
