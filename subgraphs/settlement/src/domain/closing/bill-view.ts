import { nextPeriod, parseDay } from '@tally/billing-time';
import type { Applied, DayUsage, UserSubscription } from '../facts';
import type { UserState } from '../ports';
import { rateBill } from '../rate-bill';
import { safe, sum } from '../safe-integer';
import { settleBill, type SettledBill } from '../settle-bill';
import { attributedPeriod, isFrozen, type ClosingBook } from './book';
import { isZero, minus, plus, zeroCharge, type Charge } from './charge';

/** Late usage of a closed period, charged on a later bill (billing-rules.md). */
export interface Adjustment extends Charge {
  forPeriod: string;
}

export interface Invoice {
  number: string;
  period: string;
  issuedAt: Date;
  total: number;
}

/** A bill as the API shows it: `total` = baseFee + overageCharge + adjustmentTotal. */
export interface BillView extends SettledBill {
  status: 'OPEN' | 'CLOSED';
  invoice: Invoice | null;
  adjustments: Adjustment[];
  adjustmentTotal: number;
}

/** What a close keeps of a bill: the view, frozen, and what it took into account. */
export interface FrozenBill {
  view: BillView;
  /** Per period: the user's change counter this bill's figures include (see UserState). */
  accounted: Record<string, number>;
}

/** Everything the open view of one (user, period) reads, fetched by the caller by key. */
export interface OpenBillInput {
  book: ClosingBook;
  userId: string;
  period: string;
  user: UserState | null;
  /** The user's stored usage of a period (this one and each of `periodsToReview`). */
  usageOf: (period: string) => Array<DayUsage & Applied>;
  /** The user's frozen bill of a frozen period; null when the user had none. */
  frozenOf: (period: string) => FrozenBill | null;
}

/**
 * Earlier periods whose late usage may still owe this bill an adjustment: those with usage
 * applied after they ended that no frozen bill has taken into account yet. Reading them is the
 * only extra cost late usage puts on a bill.
 */
export function periodsToReview(user: UserState | null, period: string): string[] {
  if (!user) return [];
  return Object.keys(user.changes)
    .filter((p) => p < period && (user.changes[p] ?? 0) > (user.accounted[p] ?? 0))
    .sort();
}

/** Frozen periods whose frozen bills `adjustmentFor(p, period)` walks: p up to period - 1. */
export function frozenPeriodsToRead(book: ClosingBook, reviewed: string[], period: string) {
  const periods = new Set<string>();
  for (const p of reviewed)
    for (let x = p; x < period && isFrozen(book, x); x = nextPeriod(x)) periods.add(x);
  return [...periods];
}

/** The bill of a period not frozen yet: rated from what is known, with its adjustments. */
export function openBillView(input: OpenBillInput): BillView {
  const { book, userId, period, user } = input;
  const subscriptions = user?.subscriptions ?? [];
  const own = input
    .usageOf(period)
    .filter((u) => attributedPeriod(book, period, u.recordedAt) === period);
  const settled = settleBill({
    userId,
    period,
    timeZone: book.timeZone,
    subscriptions: subscriptions.map(toSubscription),
    usages: own.map(toRatedUsage),
  });
  const adjustments = periodsToReview(user, period)
    .map((p) => ({ forPeriod: p, ...adjustmentFor(input, subscriptions, p) }))
    .filter((a) => !isZero(a));
  return withAdjustments(settled, adjustments, 'OPEN', null);
}

/** A frozen period's bill: its invoice, or a zero bill when the user had nothing in it. */
export function closedBillView(
  book: ClosingBook,
  userId: string,
  period: string,
  frozen: FrozenBill | null,
): BillView {
  if (frozen) return frozen.view;
  const empty = settleBill({
    userId,
    period,
    timeZone: book.timeZone,
    subscriptions: [],
    usages: [],
  });
  return withAdjustments(empty, [], 'CLOSED', null);
}

/**
 * Freezes an open view (its invoice is attached once numbered), noting which change counters
 * it took into account: a period's counter only when none of its known usage waits for a
 * later bill.
 */
export function freezeBill(input: OpenBillInput, view: BillView): FrozenBill {
  const { book, period, user } = input;
  const accounted: Record<string, number> = {};
  for (const p of [...periodsToReview(user, period), period]) {
    const counter = user?.changes[p];
    if (counter === undefined) continue;
    const pending = input.usageOf(p).some((u) => attributedPeriod(book, p, u.recordedAt) > period);
    if (!pending) accounted[p] = counter;
  }
  return {
    view: { ...view, status: 'CLOSED', invoice: null },
    accounted,
  };
}

/** Whether a close issues this bill an invoice: a plan in force, usage, or an adjustment. */
export function deservesInvoice(view: BillView): boolean {
  const u = view.usage;
  return (
    view.lines.length > 0 ||
    u.dataMb + u.voiceSeconds + u.smsCount > 0 ||
    view.adjustments.length > 0
  );
}

/**
 * billing-rules.md: amount = rated(P with every usage record known to this bill) - invoiced(P)
 * - adjustments for P already made. "Known to this bill" is every record of P attributed to
 * this bill or an earlier one; what earlier bills charged is their frozen figure when frozen
 * (so a record that reached a frozen bill too late is picked up here), else their own rating.
 * The same formula gives the late usage's totals.
 */
function adjustmentFor(
  input: OpenBillInput,
  subscriptions: Array<UserSubscription & Applied>,
  forPeriod: string,
): Charge {
  const { book, period } = input;
  const usage = input.usageOf(forPeriod);
  const rated = (through: string): Charge => {
    const known = usage.filter((u) => attributedPeriod(book, forPeriod, u.recordedAt) <= through);
    const bill = rateBill({
      period: forPeriod,
      timeZone: book.timeZone,
      subscriptions: subscriptions.map(toSubscription),
      usages: known.map(toRatedUsage),
    });
    return { amount: safe(bill.baseFee + bill.overageCharge, 'rated'), usage: bill.usage };
  };

  let charged: Charge = isFrozen(book, forPeriod)
    ? ownCharge(input.frozenOf(forPeriod))
    : rated(forPeriod);
  for (let x = nextPeriod(forPeriod); x < period; x = nextPeriod(x)) {
    if (!isFrozen(book, x)) {
      charged = rated(x);
      continue;
    }
    const earlier = input.frozenOf(x)?.view.adjustments.find((a) => a.forPeriod === forPeriod);
    if (earlier) charged = plus(charged, earlier);
  }
  return minus(rated(period), charged);
}

/** What an invoice charged for its own period, its adjustments for earlier ones aside. */
function ownCharge(frozen: FrozenBill | null): Charge {
  if (!frozen) return zeroCharge();
  const { baseFee, overageCharge, usage } = frozen.view;
  return { amount: safe(baseFee + overageCharge, 'invoiced'), usage };
}

function withAdjustments(
  settled: SettledBill,
  adjustments: Adjustment[],
  status: BillView['status'],
  invoice: Invoice | null,
): BillView {
  const adjustmentTotal = sum(
    adjustments.map((a) => a.amount),
    'adjustment total',
  );
  return {
    ...settled,
    total: safe(settled.baseFee + settled.overageCharge + adjustmentTotal, 'bill total'),
    status,
    invoice,
    adjustments,
    adjustmentTotal,
  };
}

const toRatedUsage = (u: DayUsage & Applied) => ({
  id: u.usageId,
  type: u.type,
  amount: u.amount,
  date: parseDay(u.day),
  appliedAt: u.appliedAt,
});

const toSubscription = (s: UserSubscription & Applied) => ({
  id: s.subscriptionId,
  effectiveAt: s.effectiveAt,
  plan: s.plan,
  appliedAt: s.appliedAt,
});
