import { formatWon } from '../format/money';
import type { AdjustmentFieldsFragment } from '../generated/operations';
import { PerUsageType } from './per-usage-type';

interface AdjustmentsTableProps {
  adjustments: AdjustmentFieldsFragment[];
  total: number;
}

/** Late usage of closed periods charged on this bill (billing-rules.md), and their sum. */
export function AdjustmentsTable({ adjustments, total }: AdjustmentsTableProps) {
  return (
    <table className="adjustments" aria-label="Adjustments">
      <thead>
        <tr>
          <th>For period</th>
          <th>Late usage</th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {adjustments.map((a) => (
          <tr key={a.forPeriod}>
            <td>{a.forPeriod}</td>
            <td>
              <PerUsageType totals={a.usage} />
            </td>
            <td className="num">{formatWon(a.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Adjustment total
          </th>
          <td className="num" data-testid="adjustment-total">
            {formatWon(total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
