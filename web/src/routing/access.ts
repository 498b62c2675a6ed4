import { ownUserId, roleLabel, type Session } from '../auth/session';
import type { Scope } from '../auth/scopes';
import { hrefOf, type Route } from './route';

export type Permission = { allowed: true } | { allowed: false; reason: string };

/** What `session` may do that needs `scope`, and if not, why, in one sentence. */
export function permission(session: Session, scope: Scope, action: string): Permission {
  if (session.scopes.has(scope)) return { allowed: true };
  return {
    allowed: false,
    reason: `${action} needs the ${scope} permission, which your role (${roleLabel(session)}) does not have.`,
  };
}

/** Where a session starts: a subscriber on their own account, everyone else at the users. */
export function homeRoute(session: Session): Route {
  const own = ownUserId(session);
  return own && !session.scopes.has('users:read')
    ? { page: 'user', userId: own }
    : { page: 'users' };
}

/**
 * The page to show for `route`: the users page is the subscriber's own account. Another
 * user's page is left to the API, which answers FORBIDDEN in its own words.
 */
export function guardRoute(route: Route, session: Session): Route {
  return route.page === 'users' ? homeRoute(session) : route;
}

export interface NavLink {
  label: string;
  route: Route;
}

/**
 * The main navigation: "My account" for a subscriber, the users list for everyone else; the
 * invoices for a role that reads every bill (bills:read); Operations for admin (ops:read).
 */
export function navLinks(session: Session): NavLink[] {
  const home = homeRoute(session);
  const first =
    home.page === 'user' ? { label: 'My account', route: home } : { label: 'Users', route: home };
  const links: NavLink[] = [first, { label: 'Plans', route: { page: 'plans' } }];
  if (session.scopes.has('bills:read'))
    links.push({ label: 'Invoices', route: { page: 'invoices', period: null } });
  if (session.scopes.has('ops:read'))
    links.push({ label: 'Operations', route: { page: 'operations' } });
  return links;
}

/** Whether `route` is under `link`: one invoice, and any period's list, are under Invoices. */
export function isCurrent(link: NavLink, route: Route): boolean {
  if (link.route.page === 'invoices') return route.page === 'invoices' || route.page === 'invoice';
  return hrefOf(link.route) === hrefOf(route);
}
