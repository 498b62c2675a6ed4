import type { CloseResult, InvoiceRow } from './close';
import { signedWon, usageWords, won } from './format';
import type { LateResult } from './late';

export interface SeedOutcome {
  closed: CloseResult;
  invoices: InvoiceRow[];
  late: LateResult[];
}

/** What the run left to look at: the closed month, its first invoices, one adjustment. */
export function summaryLines({ closed, invoices, late }: SeedOutcome): string[] {
  const how = closed.alreadyClosed
    ? closed.retried
      ? 'closed while the seed retried closePeriod'
      : 'closed before this run'
    : 'closed by this run';
  const lines = [
    '\nsummary',
    `  closed period  ${closed.period}: ${closed.invoices} invoices (${how})`,
  ];
  invoices.forEach((inv, i) =>
    lines.push(
      `  ${i === 0 ? 'invoices      ' : '              '} ${inv.number}  ${won(inv.total).padStart(14)}  ${inv.user.name}`,
    ),
  );
  if (closed.invoices === 0)
    lines.push('  invoices       none: nobody had a plan or usage in the month when it closed');
  const shown = late.find((r) => r.shown);
  if (shown?.shown) {
    const { name, bill } = shown.shown;
    const a = bill.adjustments.find((x) => x.forPeriod === closed.period)!;
    lines.push(
      `  adjustment     ${name}'s ${bill.period} bill: ${signedWon(a.amount)} for ${a.forPeriod} (late usage ${usageWords(a.usage)}); bill total ${won(bill.total)}`,
    );
    const others = late.filter((r) => r.shown).length - 1;
    if (others > 0)
      lines.push(
        `                 and ${others} more user(s) with an adjustment for ${closed.period}`,
      );
  } else if (late.length > 0) {
    lines.push('  adjustment     not shown yet by settlement');
  } else {
    lines.push('  adjustment     none: no late records (--late 0)');
  }
  return lines;
}
