import { formatWon } from '../format/money';
import type { BillLineFieldsFragment } from '../generated/operations';
import { PerUsageType } from './per-usage-type';

export function BillLinesTable({ lines }: { lines: BillLineFieldsFragment[] }) {
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
              <PerUsageType totals={line.allowance} allowance />
            </td>
            <td>
              <PerUsageType totals={line.usage} />
            </td>
            <td>
              <PerUsageType totals={line.overage} />
            </td>
            <td className="num">{formatWon(line.overageCharge)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
