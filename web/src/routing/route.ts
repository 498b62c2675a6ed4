/** The console's pages, addressed by the URL hash so any static server can serve it. */
export type Route =
  | { page: 'users' }
  | { page: 'plans' }
  | { page: 'user'; userId: string }
  /** A period's invoices; null: the console's default period (the month before this one). */
  | { page: 'invoices'; period: string | null }
  | { page: 'invoice'; number: string }
  | { page: 'operations' };

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'plans') return { page: 'plans' };
  if (parts[0] === 'operations') return { page: 'operations' };
  if (parts[0] === 'users' && parts[1])
    return { page: 'user', userId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'invoices')
    return { page: 'invoices', period: parts[1] && PERIOD.test(parts[1]) ? parts[1] : null };
  if (parts[0] === 'invoice' && parts[1])
    return { page: 'invoice', number: decodeURIComponent(parts[1]) };
  return { page: 'users' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'users':
      return '#/users';
    case 'plans':
      return '#/plans';
    case 'user':
      return `#/users/${encodeURIComponent(route.userId)}`;
    case 'invoices':
      return route.period ? `#/invoices/${route.period}` : '#/invoices';
    case 'invoice':
      return `#/invoice/${encodeURIComponent(route.number)}`;
    case 'operations':
      return '#/operations';
  }
}
