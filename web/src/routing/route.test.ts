import { hrefOf, parseRoute, type Route } from './route';

describe('routes', () => {
  it('round-trips every page through the hash', () => {
    const routes: Route[] = [
      { page: 'users' },
      { page: 'plans' },
      { page: 'user', userId: 'u/1 x' },
      { page: 'invoices', period: null },
      { page: 'invoices', period: '2026-10' },
      { page: 'invoice', number: 'INV-202610-000001' },
      { page: 'operations' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('falls back to the users page, and to the default period for a month that is none', () => {
    expect(parseRoute('')).toEqual({ page: 'users' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'users' });
    expect(parseRoute('#/invoice')).toEqual({ page: 'users' });
    expect(parseRoute('#/invoices/2026-13')).toEqual({ page: 'invoices', period: null });
  });
});
