import { formatDateTime } from '../format/dates';
import type { UserSummaryFragment } from '../generated/operations';

export function UserProfile({ user }: { user: UserSummaryFragment }) {
  return (
    <section className="profile">
      <h1>{user.name}</h1>
      <dl className="facts">
        <div>
          <dt>Phone</dt>
          <dd>{user.phone}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email ?? '—'}</dd>
        </div>
        <div>
          <dt>Plan now</dt>
          <dd>{user.plan ? `${user.plan.name} (${user.plan.id})` : 'none'}</dd>
        </div>
        <div>
          <dt>Signed up</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>User id</dt>
          <dd className="mono">{user.id}</dd>
        </div>
      </dl>
    </section>
  );
}
