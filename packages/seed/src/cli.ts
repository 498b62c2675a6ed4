import { showBills, waitSettled } from './bills';
import { closeMonth, firstInvoices, type CloseResult } from './close';
import { demoUser, demoUsages } from './demo-data';
import { gatewayClient } from './gateway-client';
import { recordLate, waitAdjustments, type LateResult } from './late';
import { hasEnded } from './late-usage';
import { TIME_ZONE, USAGE, parseOptions, type SeedOptions } from './options';
import { summaryLines } from './summary';
import { recordUsage, type RecordTotals } from './usage';
import { createPlans, createUsers, type SeededUser } from './users';
import { apiToken } from '@tally/cli-kit';

function plannedLine(opts: SeedOptions, closing: boolean): string {
  const what = `${opts.users} users × ${opts.recordsPerUser} records in ${opts.period}`;
  if (closing)
    return `${what}, then closing ${opts.period} and recording ${opts.late} late records of it`;
  if (!opts.close) return `${what} (left open: --no-close)`;
  return `${what} (not closing it: ${opts.period} has not ended, and closePeriod takes ended months only)`;
}

/** New users whose subscription into the month was refused: it was closed before this run. */
function explainRefused(users: SeededUser[], period: string): void {
  const refused = users.filter((u) => u.refused);
  if (refused.length === 0) return;
  console.log(
    `${refused.length} new user(s) got no plan in ${period}: "${refused[0]!.refused}" (CONFLICT).\n` +
      `  ${period} was closed before this run signed them up (an earlier seed, closePeriod, or the\n` +
      `  schedule with BILLING_AUTO_CLOSE=true); their usage of it is late usage, shown as\n` +
      `  adjustments on a later bill and not charged without a plan in the month. Going on.`,
  );
}

function reportClose(closed: CloseResult, usage: RecordTotals): void {
  if (!closed.alreadyClosed) {
    console.log(`closed ${closed.period}: ${closed.invoices} invoices`);
    return;
  }
  const why = closed.retried ? 'its close finished while the seed retried' : 'before this run';
  console.log(`${closed.period} is closed already (${why}): ${closed.invoices} invoices; going on`);
  if (usage.accepted > 0 && !closed.retried)
    console.log(
      `  the ${usage.accepted} usage records accepted now are late usage of it: adjustments on later bills`,
    );
}

/** Closes the month, records late usage of it, and prints what there is to see. */
async function closeAndShow(
  call: ReturnType<typeof gatewayClient>,
  opts: SeedOptions,
  users: SeededUser[],
  usage: RecordTotals,
): Promise<void> {
  await waitSettled(call, opts, users);
  const closed = await closeMonth(call, opts.period);
  reportClose(closed, usage);
  let late: LateResult[] = [];
  if (opts.late > 0) {
    const { records } = await recordLate(call, opts, users);
    late = await waitAdjustments(call, opts.period, records);
  }
  await showBills(call, opts, users);
  const invoices = await firstInvoices(call, opts.period, opts.show);
  for (const line of summaryLines({ closed, invoices, late })) console.log(line);
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const now = new Date();
  const opts = parseOptions(process.argv.slice(2), now);
  const closing = opts.close && hasEnded(opts.period, now, TIME_ZONE);
  console.log(`seeding ${opts.gateway}: ${plannedLine(opts, closing)}`);
  const call = gatewayClient(opts.gateway, await apiToken('admin'));
  await createPlans(call);
  const users = await createUsers(call, opts);
  explainRefused(users, opts.period);
  const records = users.flatMap((u) =>
    demoUsages(
      demoUser(u.index, opts.period, TIME_ZONE),
      u.id,
      opts.recordsPerUser,
      opts.period,
      TIME_ZONE,
      now,
    ),
  );
  const usage = await recordUsage(call, opts, records, 'usage');
  if (closing) await closeAndShow(call, opts, users, usage);
  else await showBills(call, opts, users);
}

main().catch((err: unknown) => {
  console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
