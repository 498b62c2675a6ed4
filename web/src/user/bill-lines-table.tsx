import { formatWon } from '../format/money';
import { formatAllowance, formatAmount, USAGE_TYPES } from '../format/usage';
import type { UserBillQuery } from '../generated/operations';

type BillLine = NonNullable<UserBillQuery['user']>['bill']['lines'][number];
type Totals = Pick<BillLine['allowance'], 'dataMb' | 'voiceSeconds' | 'smsCount'>;

const FIELD = { DATA: 'dataMb', VOICE: 'voiceSeconds', SMS: 'smsCount' } as const;

/** One value per usage type, one per line of the cell. */
function PerType({ totals, allowance = false }: { totals: Totals; allowance?: boolean }) {
  return (
    <>
      {USAGE_TYPES.map((t) => (
        <div key={t}>
          {allowance
            ? formatAllowance(t, totals[FIELD[t]])
            : formatAmount(t, totals[FIELD[t]] ?? 0)}
        </div>
      ))}
    </>
  );
}

export function BillLinesTable({ lines }: { lines: BillLine[] }) {
  return (
    <table className="bill-lines">
      <thead>
        <tr>
          <th>Plan</th>
          <th className="num">Days</th>
          <th className="num">Base fee</th>
          <th>Allowance</th>
          <th>Used</th>
          <th>Over</th>
          <th className="num">Overage charge</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.plan.id}>
            <td>
              {line.plan.name} ({line.plan.id})
            </td>
            <td className="num">{line.days}</td>
            <td className="num">{formatWon(line.baseFee)}</td>
            <td>
              <PerType totals={line.allowance} allowance />
            </td>
            <td>
              <PerType totals={line.usage} />
            </td>
            <td>
              <PerType totals={line.overage} />
            </td>
            <td className="num">{formatWon(line.overageCharge)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
