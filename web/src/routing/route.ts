/** The console's pages, addressed by the URL hash so any static server can serve it. */
export type Route = { page: 'users' } | { page: 'plans' } | { page: 'user'; userId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'plans') return { page: 'plans' };
  if (parts[0] === 'users' && parts[1])
    return { page: 'user', userId: decodeURIComponent(parts[1]) };
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
  }
}
