import { formatWon } from '../format/money';
import { formatAllowance } from '../format/usage';
import type { PlanDetailsFragment } from '../generated/operations';

export function PlansTable({
  plans,
  canCreate,
}: {
  plans: PlanDetailsFragment[];
  canCreate: boolean;
}) {
  if (plans.length === 0)
    return (
      <p className="muted">
        {canCreate ? 'No plans yet: create the first one below.' : 'No plans yet.'}
      </p>
    );
  return (
    <table>
      <thead>
        <tr>
          <th>Id</th>
          <th>Name</th>
          <th className="num">Monthly fee</th>
          <th>Allowance</th>
          <th>Overage rates</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id}>
            <td>{plan.id}</td>
            <td>{plan.name}</td>
            <td className="num">{formatWon(plan.monthlyFee)}</td>
            <td>
              {formatAllowance('DATA', plan.allowance.dataMb)} ·{' '}
              {formatAllowance('VOICE', plan.allowance.voiceSeconds)} ·{' '}
              {formatAllowance('SMS', plan.allowance.smsCount)}
            </td>
            <td>
              {formatWon(plan.overageRate.perMb)}/MB · {formatWon(plan.overageRate.perVoiceSecond)}
              /s · {formatWon(plan.overageRate.perSms)}/SMS
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
