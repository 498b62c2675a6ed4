import { formatDateTime } from '../format/dates';
import { formatWon } from '../format/money';
import type { UserAccountQuery } from '../generated/operations';

type Subscription = NonNullable<UserAccountQuery['user']>['subscriptions'][number];

export function PlanHistory({ subscriptions }: { subscriptions: Subscription[] }) {
  return (
    <section aria-label="Plan history">
      <h2>Plan history</h2>
      {subscriptions.length === 0 ? (
        <p className="muted">No plan yet: usage is not charged until the user subscribes.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>In force from</th>
              <th>Plan</th>
              <th className="num">Monthly fee</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.effectiveAt)}</td>
                <td>
                  {s.plan.name} ({s.plan.id})
                </td>
                <td className="num">{formatWon(s.plan.monthlyFee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
