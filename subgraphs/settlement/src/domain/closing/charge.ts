import { safe } from '../safe-integer';
import { zeroTotals, type UsageTotals } from '../usage-totals';

/** Money and usage of one period as charged on some bill. */
export interface Charge {
  amount: number;
  usage: UsageTotals;
}

export const zeroCharge = (): Charge => ({ amount: 0, usage: zeroTotals() });

export function plus(a: Charge, b: Charge): Charge {
  return combine(a, b, 1);
}

export function minus(a: Charge, b: Charge): Charge {
  return combine(a, b, -1);
}

export function isZero(c: Charge): boolean {
  return (
    c.amount === 0 && c.usage.dataMb === 0 && c.usage.voiceSeconds === 0 && c.usage.smsCount === 0
  );
}

function combine(a: Charge, b: Charge, sign: 1 | -1): Charge {
  return {
    amount: safe(a.amount + sign * b.amount, 'adjustment amount'),
    usage: {
      dataMb: safe(a.usage.dataMb + sign * b.usage.dataMb, 'adjustment usage'),
      voiceSeconds: safe(a.usage.voiceSeconds + sign * b.usage.voiceSeconds, 'adjustment usage'),
      smsCount: safe(a.usage.smsCount + sign * b.usage.smsCount, 'adjustment usage'),
    },
  };
}
