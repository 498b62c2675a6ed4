import { sessionOf } from '../auth/session';
import { tokenWith } from '../auth/test-tokens';
import { guardRoute, homeRoute, isCurrent, navLinks, permission } from './access';

const as = (roles: string[], sub = 'someone') => sessionOf({ token: tokenWith({ sub, roles }) });
const admin = as(['admin']);
const agent = as(['agent']);
const mediation = as(['mediation']);
const subscriber = as(['subscriber'], 'u-7');

describe('what each role sees', () => {
  it('lands a subscriber on their own account and everyone else on the users', () => {
    expect(homeRoute(subscriber)).toEqual({ page: 'user', userId: 'u-7' });
    for (const session of [admin, agent, mediation])
      expect(homeRoute(session)).toEqual({ page: 'users' });
  });

  it("never shows a subscriber the users list; another user's page is the API's to refuse", () => {
    expect(guardRoute({ page: 'users' }, subscriber)).toEqual({ page: 'user', userId: 'u-7' });
    expect(guardRoute({ page: 'user', userId: 'u-8' }, subscriber)).toEqual({
      page: 'user',
      userId: 'u-8',
    });
    expect(guardRoute({ page: 'plans' }, subscriber)).toEqual({ page: 'plans' });
    expect(guardRoute({ page: 'users' }, agent)).toEqual({ page: 'users' });
    // The invoices page says itself why a subscriber sees none.
    expect(guardRoute({ page: 'invoices', period: null }, subscriber)).toEqual({
      page: 'invoices',
      period: null,
    });
  });

  it('names the links by role, invoices only for a role that reads every bill', () => {
    expect(navLinks(subscriber).map((l) => l.label)).toEqual(['My account', 'Plans']);
    expect(navLinks(admin).map((l) => l.label)).toEqual([
      'Users',
      'Plans',
      'Invoices',
      'Operations',
    ]);
    expect(navLinks(agent).map((l) => l.label)).toEqual(['Users', 'Plans', 'Invoices']);
    expect(navLinks(mediation).map((l) => l.label)).toEqual(['Users', 'Plans']);
  });

  it('marks Invoices current on any period and on one invoice', () => {
    const [users, , invoices] = navLinks(admin);
    expect(isCurrent(invoices!, { page: 'invoices', period: '2026-10' })).toBe(true);
    expect(isCurrent(invoices!, { page: 'invoice', number: 'INV-202610-000001' })).toBe(true);
    expect(isCurrent(invoices!, { page: 'users' })).toBe(false);
    expect(isCurrent(users!, { page: 'users' })).toBe(true);
    expect(isCurrent(users!, { page: 'user', userId: 'u-7' })).toBe(false);
  });

  it('offers a form only with its scope, and says why not', () => {
    expect(permission(admin, 'plans:write', 'Creating a plan')).toEqual({ allowed: true });
    expect(permission(agent, 'plans:write', 'Creating a plan')).toEqual({
      allowed: false,
      reason:
        'Creating a plan needs the plans:write permission, which your role (agent) does not have.',
    });
    expect(permission(mediation, 'usage:write', 'Recording usage').allowed).toBe(true);
    expect(permission(subscriber, 'users:write', 'Subscribing to a plan').allowed).toBe(false);
    expect(permission(agent, 'bills:close', 'Closing a period')).toEqual({
      allowed: false,
      reason:
        'Closing a period needs the bills:close permission, which your role (agent) does not have.',
    });
  });
});
