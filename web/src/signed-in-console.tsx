import { PlaygroundLink } from './auth/playground-link';
import { SignedInAs } from './auth/signed-in-as';
import { useAuthConfig } from './auth/use-auth-config';
import { useSession } from './auth/use-session';
import { InvoicePage } from './invoices/invoice-page';
import { InvoicesPage } from './invoices/invoices-page';
import { OperationsPage } from './ops/operations-page';
import { PlansPage } from './plans/plans-page';
import { guardRoute, isCurrent, navLinks } from './routing/access';
import { hrefOf, type Route } from './routing/route';
import { useRoute } from './routing/use-route';
import { UserPage } from './user/user-page';
import { UsersPage } from './users/users-page';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'users':
      return <UsersPage />;
    case 'plans':
      return <PlansPage />;
    case 'user':
      return <UserPage key={route.userId} userId={route.userId} />;
    case 'invoices':
      return <InvoicesPage period={route.period} />;
    case 'invoice':
      return <InvoicePage key={route.number} number={route.number} />;
    case 'operations':
      return <OperationsPage />;
  }
}

export function SignedInConsole() {
  const session = useSession();
  const route = guardRoute(useRoute(), session);
  // The gateway serves its playground outside production only.
  const { config } = useAuthConfig();
  return (
    <>
      <header className="top">
        <span className="brand">Tally console</span>
        <nav aria-label="Main">
          {navLinks(session).map((link) => (
            <a
              key={link.label}
              href={hrefOf(link.route)}
              aria-current={isCurrent(link, route) ? 'page' : undefined}
            >
              {link.label}
            </a>
          ))}
          {config?.mode === 'development' && <PlaygroundLink />}
        </nav>
        <SignedInAs />
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}
