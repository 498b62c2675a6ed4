import { formatAmount } from '../format/usage';
import type { UsageTotalsFieldsFragment } from '../generated/operations';

interface UsageTotalsTableProps {
  usage: UsageTotalsFieldsFragment;
  unrated: UsageTotalsFieldsFragment;
}

/** All usage of the month next to the part used on days without a plan (not charged). */
export function UsageTotalsTable({ usage, unrated }: UsageTotalsTableProps) {
  const rows = [
    {
      label: 'Data',
      used: formatAmount('DATA', usage.dataMb),
      free: formatAmount('DATA', unrated.dataMb),
    },
    {
      label: 'Voice',
      used: formatAmount('VOICE', usage.voiceSeconds),
      free: formatAmount('VOICE', unrated.voiceSeconds),
    },
    {
      label: 'SMS',
      used: formatAmount('SMS', usage.smsCount),
      free: formatAmount('SMS', unrated.smsCount),
    },
  ];
  return (
    <table className="compact">
      <thead>
        <tr>
          <th>Usage this month</th>
          <th className="num">In all</th>
          <th className="num">On days without a plan (not charged)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td className="num">{r.used}</td>
            <td className="num">{r.free}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
