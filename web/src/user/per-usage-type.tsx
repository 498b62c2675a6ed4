import { formatAllowance, formatAmount, USAGE_TYPES } from '../format/usage';

interface Totals {
  dataMb: number | null;
  voiceSeconds: number | null;
  smsCount: number | null;
}

const FIELD = { DATA: 'dataMb', VOICE: 'voiceSeconds', SMS: 'smsCount' } as const;

/** One value per usage type, one per line of a table cell; `allowance`: null is unlimited. */
export function PerUsageType({
  totals,
  allowance = false,
}: {
  totals: Totals;
  allowance?: boolean;
}) {
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
