import { dayOf, endOfPeriod } from '@tally/billing-time';
import type { PlanTerms, UsageType } from '@tally/events';
import {
  freezeBill,
  openBillView,
  type BillView,
  type FrozenBill,
  type OpenBillInput,
} from '../src/domain/closing/bill-view';
import type { ClosingBook } from '../src/domain/closing/book';
import type { Applied, DayUsage } from '../src/domain/facts';
import type { UserState } from '../src/domain/ports';
import { SEOUL } from './billing-fixtures';

export interface SimUsage {
  id: string;
  type: UsageType;
  amount: number;
  occurredAt: string;
  recordedAt: string;
}

/**
 * One user's settlement, driven by hand as the consumer and closes drive it: usage applied in
 * any order, periods closed (frozen) at any point, bills read in between. Pure: the same
 * domain functions the stores feed.
 */
export class ClosingSim {
  private readonly usage: Array<DayUsage & Applied> = [];
  private readonly frozen = new Map<string, FrozenBill>();
  private readonly cutoffs = new Map<string, Date>();
  private closedThrough: string | null = null;
  readonly user: UserState;

  constructor(
    plan: { plan: PlanTerms; effectiveAt: string },
    readonly userId = 'user-1',
  ) {
    this.user = {
      userId,
      subscriptions: [
        {
          userId,
          subscriptionId: 'sub-1',
          effectiveAt: new Date(plan.effectiveAt),
          plan: plan.plan,
          appliedAt: new Date(plan.effectiveAt),
        },
      ],
      usagePeriods: [],
      changes: {},
      accounted: {},
    };
  }

  /** The consumer applying one batch at `appliedAt`. */
  apply(batch: SimUsage[], appliedAt: Date) {
    const changed = new Set<string>();
    for (const u of batch) {
      const day = dayOf(u.occurredAt, SEOUL);
      const period = day.slice(0, 7);
      if (!this.usage.some((x) => x.usageId === u.id))
        this.usage.push({
          userId: this.userId,
          day,
          usageId: u.id,
          type: u.type,
          amount: u.amount,
          recordedAt: new Date(u.recordedAt),
          appliedAt,
        });
      if (!this.user.usagePeriods.includes(period)) this.user.usagePeriods.push(period);
      if (appliedAt >= endOfPeriod(period, SEOUL)) changed.add(period);
    }
    for (const p of changed) this.user.changes[p] = (this.user.changes[p] ?? 0) + 1;
  }

  book(): ClosingBook {
    return {
      timeZone: SEOUL,
      graceDays: 3,
      autoClose: true,
      closedThrough: this.closedThrough,
      cutoffs: new Map(this.cutoffs),
    };
  }

  input(period: string, book = this.book()): OpenBillInput {
    return {
      book,
      userId: this.userId,
      period,
      user: this.user,
      usageOf: (p) => this.usage.filter((u) => u.day.startsWith(p)),
      frozenOf: (p) => this.frozen.get(p) ?? null,
    };
  }

  /** Closes `period` (the next open one) at `cutoff`: its bill is frozen as it stands. */
  close(period: string, cutoff: Date): BillView {
    this.cutoffs.set(period, cutoff);
    const input = this.input(period);
    const view = openBillView(input);
    const frozen = freezeBill(input, view);
    this.frozen.set(period, frozen);
    for (const [p, n] of Object.entries(frozen.accounted))
      this.user.accounted[p] = Math.max(this.user.accounted[p] ?? 0, n);
    this.closedThrough = period;
    return frozen.view;
  }

  /** The bill of a period as the API shows it now. */
  bill(period: string): BillView {
    const frozen = this.frozen.get(period);
    if (frozen) return frozen.view;
    return openBillView(this.input(period));
  }
}
