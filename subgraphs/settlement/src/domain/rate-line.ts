import type { PlanTerms } from '@tally/events';
import { UNITS, zeroTotals, type Allowance, type UsageTotals } from './usage-totals';
import { mulDivFloor, safe, sum } from './safe-integer';

/** One line of a bill; also the GraphQL BillLine (see codegen.yml). */
export interface RatedLine {
  plan: PlanTerms;
  days: number;
  baseFee: number;
  /** Prorated; null = unlimited */
  allowance: Allowance;
  usage: UsageTotals;
  overage: UsageTotals;
  overageCharge: number;
}

/** One plan's share of a period of `daysInPeriod` days: its `days` days and the usage on them. */
export function rateLine(
  plan: PlanTerms,
  days: number,
  daysInPeriod: number,
  usage: UsageTotals,
): RatedLine {
  const allowance: Allowance = { dataMb: null, voiceSeconds: null, smsCount: null };
  const overage = zeroTotals();
  const charges: number[] = [];
  for (const { field, rate } of UNITS) {
    const full = plan.allowance[field];
    const prorated =
      full === null ? null : mulDivFloor(full, days, daysInPeriod, `${plan.id} allowance`);
    allowance[field] = prorated;
    overage[field] = prorated === null ? 0 : Math.max(0, usage[field] - prorated);
    charges.push(safe(overage[field] * plan.overageRate[rate], `${plan.id} overage charge`));
  }
  return {
    plan,
    days,
    baseFee: mulDivFloor(plan.monthlyFee, days, daysInPeriod, `${plan.id} base fee`),
    allowance,
    usage,
    overage,
    overageCharge: sum(charges, `${plan.id} overage charge`),
  };
}
