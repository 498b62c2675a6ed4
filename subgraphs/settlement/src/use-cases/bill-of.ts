import { daysOfPeriod } from '@tally/billing-time';
import {
  closedBillView,
  frozenPeriodsToRead,
  openBillView,
  periodsToReview,
  type BillView,
  type FrozenBill,
  type OpenBillInput,
} from '../domain/closing/bill-view';
import { isFrozen, type ClosingBook } from '../domain/closing/book';
import { frozenKey, type FrozenKey } from '../domain/closing/ports';
import type { Applied, DayUsage } from '../domain/facts';
import type { UserDay, UserState } from '../domain/ports';
import type { SettlementDeps } from './deps';

export interface BillRequest {
  userId: string;
  /** "YYYY-MM" in the billing time zone */
  period: string;
}

/**
 * Bills of many (user, period) pairs by key lookups whose cost follows the pairs asked for,
 * never the history stored: the book of closes, each frozen bill by key; for open ones the
 * users, the usage of every day of each period, and only when a user has late usage not yet
 * charged, that period's days and frozen bills too. One result per request, in order: the
 * bill, or the error of that request (BAD_USER_INPUT for a malformed period), as DataLoader
 * wants them.
 */
export function makeBillOf(deps: Pick<SettlementDeps, 'store' | 'invoices' | 'closingBook'>) {
  return async (requests: readonly BillRequest[]): Promise<Array<BillView | Error>> => {
    const book = await deps.closingBook();
    const checked = requests.map((r) => attempt(() => (daysOfPeriod(r.period), r)));
    const valid = checked.filter((r): r is BillRequest => !(r instanceof Error));
    const closed = valid.filter((r) => isFrozen(book, r.period));
    const open = valid.filter((r) => !isFrozen(book, r.period));

    const [frozen, inputs] = await Promise.all([
      deps.invoices.frozen(closed),
      loadOpenInputs(deps, open, book),
    ]);

    return checked.map((r) => {
      if (r instanceof Error) return r;
      if (isFrozen(book, r.period))
        return closedBillView(book, r.userId, r.period, frozen.get(frozenKey(r)) ?? null);
      return attempt(() => openBillView(inputs.get(frozenKey(r))!));
    });
  };
}

export type BillOf = ReturnType<typeof makeBillOf>;

/**
 * What `openBillView` (and a close's `freezeBill`) read for each open (user, period), keyed
 * "<userId>|<period>": the users and the usage of every day of each period; only when a user
 * has late usage not charged yet, that period's days and frozen bills too, in one more round.
 */
export async function loadOpenInputs(
  deps: Pick<SettlementDeps, 'store' | 'invoices'>,
  open: BillRequest[],
  book: ClosingBook,
): Promise<Map<string, OpenBillInput>> {
  const [users, usage] = await Promise.all([
    deps.store.usersOf(unique(open.map((r) => r.userId))),
    usageOf(deps, open),
  ]);
  const userById = new Map(users.map((u) => [u.userId, u]));
  const frozen = new Map<string, FrozenBill>();

  const reviews = open.flatMap((r) =>
    periodsToReview(userById.get(r.userId) ?? null, r.period).map((period) => ({
      userId: r.userId,
      period,
      upTo: r.period,
    })),
  );
  if (reviews.length > 0) {
    const frozenKeys: FrozenKey[] = reviews.flatMap((r) =>
      frozenPeriodsToRead(book, [r.period], r.upTo).map((period) => ({
        userId: r.userId,
        period,
      })),
    );
    const [more, moreFrozen] = await Promise.all([
      usageOf(
        deps,
        reviews.filter((r) => !usage.has(frozenKey(r))),
      ),
      deps.invoices.frozen(frozenKeys),
    ]);
    for (const [k, v] of more) usage.set(k, v);
    for (const [k, v] of moreFrozen) frozen.set(k, v);
  }
  return new Map(open.map((r) => [frozenKey(r), inputFor(book, r, userById, usage, frozen)]));
}

function inputFor(
  book: ClosingBook,
  r: BillRequest,
  users: Map<string, UserState>,
  usage: Map<string, Array<DayUsage & Applied>>,
  frozen: Map<string, FrozenBill>,
): OpenBillInput {
  return {
    book,
    userId: r.userId,
    period: r.period,
    user: users.get(r.userId) ?? null,
    usageOf: (period) => usage.get(frozenKey({ userId: r.userId, period })) ?? [],
    frozenOf: (period) => frozen.get(frozenKey({ userId: r.userId, period })) ?? null,
  };
}

/** The stored usage of each (user, period), keyed "<userId>|<period>". */
async function usageOf(
  deps: Pick<SettlementDeps, 'store'>,
  pairs: Array<{ userId: string; period: string }>,
): Promise<Map<string, Array<DayUsage & Applied>>> {
  const byPair = new Map<string, Array<DayUsage & Applied>>();
  const keys = new Map<string, UserDay>();
  for (const p of pairs) {
    byPair.set(frozenKey(p), []);
    for (const day of daysOfPeriod(p.period))
      keys.set(`${p.userId}|${day}`, { userId: p.userId, day });
  }
  if (keys.size === 0) return byPair;
  for (const u of await deps.store.usageOn([...keys.values()]))
    byPair.get(frozenKey({ userId: u.userId, period: u.day.slice(0, 7) }))?.push(u);
  return byPair;
}

function attempt<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

const unique = (ids: string[]) => [...new Set(ids)];
