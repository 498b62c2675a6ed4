import { won } from './format';
import type { GatewayCall } from './gateway-client';
import {
  SeedBillDocument,
  SeedBillStatusDocument,
  type SeedBillQuery,
} from './generated/operations';
import type { SeedOptions } from './options';
import { inPool } from './pool';
import type { SeededUser } from './users';
import { progressBar } from '@tally/cli-kit';
import { WaitTimedOut, waitUntil } from '@tally/retry';

/**
 * Waits until settlement has applied this run's records and subscriptions of the month for
 * every user (or their bill is closed already), so a close that follows freezes them all.
 * Past the deadline it says so and goes on: what comes later becomes adjustments.
 */
export async function waitSettled(
  call: GatewayCall,
  opts: SeedOptions,
  users: SeededUser[],
): Promise<void> {
  const pending = new Set(users);
  const bar = progressBar(`settled ${opts.period} bills`, users.length);
  const deadlineMs = 60_000 + users.length * opts.recordsPerUser * 10;
  await waitUntil(
    async () => {
      await inPool([...pending], opts.concurrency, async (u) => {
        const { user } = await call(SeedBillStatusDocument, { userId: u.id, period: opts.period });
        const bill = user?.bill;
        if (
          !bill ||
          bill.status === 'CLOSED' ||
          bill.eventsApplied >= opts.recordsPerUser + u.subscribed
        )
          pending.delete(u);
      });
      bar.update(users.length - pending.size);
      return pending.size === 0;
    },
    { deadlineMs, intervalMs: 500, factor: 1.5, maxDelayMs: 3000, retryIf: () => false },
  ).catch((err: unknown) => {
    if (!(err instanceof WaitTimedOut)) throw err;
    console.log(
      `\nsettlement has not applied everything of ${pending.size} users after ${Math.round(deadlineMs / 1000)} s; closing anyway (what it applies later becomes adjustments)`,
    );
  });
  if (pending.size === 0) bar.finish();
}

/** Prints the month's bills of the first users, as far as settlement has applied them. */
export async function showBills(
  call: GatewayCall,
  opts: SeedOptions,
  users: SeededUser[],
): Promise<void> {
  for (const u of users.slice(0, opts.show)) {
    let result: SeedBillQuery | undefined;
    // Past the deadline the bill is shown as far as it is settled.
    await waitUntil(
      async () => {
        result = await call(SeedBillDocument, { userId: u.id, period: opts.period });
        const bill = result.user?.bill;
        return !bill || bill.status === 'CLOSED' || bill.eventsApplied >= opts.recordsPerUser;
      },
      { deadlineMs: 60_000, intervalMs: 500, retryIf: () => false },
    ).catch((err: unknown) => {
      if (!(err instanceof WaitTimedOut)) throw err;
    });
    if (!result?.user) continue;
    const { name, phone, bill } = result.user;
    const state = bill.invoice ? `invoice ${bill.invoice.number}` : bill.status.toLowerCase();
    console.log(
      `\n${name} (${phone}), ${opts.period}: total ${won(bill.total)} (${bill.eventsApplied} events; ${state})`,
    );
    console.log(
      `  usage: ${bill.usage.dataMb} MB, ${bill.usage.voiceSeconds} s voice, ${bill.usage.smsCount} SMS`,
    );
    for (const l of bill.lines)
      console.log(
        `  ${l.plan.id.padEnd(11)} ${String(l.days).padStart(2)} days  base ${l.baseFee}  overage ${l.overageCharge}`,
      );
    if (bill.adjustmentTotal !== 0) console.log(`  adjustments ${won(bill.adjustmentTotal)}`);
  }
}
