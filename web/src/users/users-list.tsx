import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { Pager } from '../components/pager';
import { useCursorPages } from '../components/use-cursor-pages';
import { formatDateTime } from '../format/dates';
import { UsersPageDocument } from '../generated/operations';
import { hrefOf } from '../routing/route';

const PAGE_SIZE = 20;

export function UsersList() {
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(UsersPageDocument, {
    first: PAGE_SIZE,
    after: pages.after,
  });
  const users = data?.users.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h2>All users</h2>
      <ErrorMessage error={error} />
      {loading && !data && <p className="muted">Loading users…</p>}
      {data && users.length === 0 && <p className="muted">No users on this page.</p>}
      {users.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Phone</th>
              <th>Email</th>
              <th>Plan now</th>
              <th>Signed up</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <a href={hrefOf({ page: 'user', userId: user.id })}>{user.name}</a>
                </td>
                <td>{user.phone}</td>
                <td>{user.email ?? '—'}</td>
                <td>{user.plan?.name ?? 'none'}</td>
                <td>{formatDateTime(user.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager pages={pages} pageInfo={data?.users.pageInfo} label="Users pages" />
    </section>
  );
}
