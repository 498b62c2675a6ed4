import { PlansPage } from './plans/plans-page';
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
  }
}

export function App() {
  const route = useRoute();
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
  return (
    <>
      <header className="top">
        <span className="brand">Tally console</span>
        <nav aria-label="Main">
          <a href={hrefOf({ page: 'users' })} aria-current={current('users')}>
            Users
          </a>
          <a href={hrefOf({ page: 'plans' })} aria-current={current('plans')}>
            Plans
          </a>
        </nav>
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}
