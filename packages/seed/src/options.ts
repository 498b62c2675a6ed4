import { isPeriod, periodOf, previousPeriod } from '@tally/billing-time';

/** The stack's default billing time zone: the demo month is laid out, and closed, in it. */
export const TIME_ZONE = 'Asia/Seoul';

export interface SeedOptions {
  gateway: string;
  users: number;
  recordsPerUser: number;
  period: string;
  batchSize: number;
  concurrency: number;
  show: number;
  /** Close `period` once seeded (when it has ended). */
  close: boolean;
  /** Users who get a late usage record of the closed period. */
  late: number;
}

export const USAGE = `Usage: npm run seed -- [options]

Fills a running Tally stack (npm start) through the gateway: plans, users, subscriptions
(from the month's start) and a month of usage; then closes that month with closePeriod, so
its bills become invoices, and records a few late usage records of it, which the current
month's bills of their users show as adjustments. Prints a few bills, the first invoices and
one adjustment. Safe to run again: everything is keyed, so a second run records duplicates,
not new data, and finds the month closed; users found from an earlier run keep their plans.

  --gateway URL          GraphQL endpoint (default http://127.0.0.1:4000/graphql)
  --users N              users to sign up (default 50)
  --records-per-user N   usage records per user (default 200)
  --period YYYY-MM       the month seeded and closed (default: last month in ${TIME_ZONE});
                         a month not yet ended is seeded but not closed
  --no-close             leave the month open: no close, no late records
  --late N               users with a late record of the closed month, 0..--users (default 3)
  --batch N              records per recordUsages call, 1..1000 (default 1000)
  --concurrency N        calls in flight (default 4)
  --show N               bills and invoices to print at the end (default 3)

Signs in as admin (closePeriod needs bills:close): TALLY_TOKEN when set, else a token from
the stack's local issuer (ISSUER_URL, default http://127.0.0.1:4300; development only).`;

export class OptionsError extends Error {}

function intIn(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max)
    throw new OptionsError(
      `--${name} must be an integer from ${min} to ${max}; got ${raw ?? 'nothing'}`,
    );
  return n;
}

const positiveInt = (name: string, raw: string | undefined, max = Number.MAX_SAFE_INTEGER) =>
  intIn(name, raw, 1, max);

/** The month before `now`'s month in the billing time zone. */
export function lastMonth(now: Date, timeZone = TIME_ZONE): string {
  return previousPeriod(periodOf(now, timeZone));
}

export function parseOptions(argv: string[], now = new Date()): SeedOptions {
  const opts: SeedOptions = {
    gateway: 'http://127.0.0.1:4000/graphql',
    users: 50,
    recordsPerUser: 200,
    period: lastMonth(now),
    batchSize: 1000,
    concurrency: 4,
    show: 3,
    close: true,
    late: 3,
  };
  let lateGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--no-close') {
      opts.close = false;
      continue;
    }
    const value = argv[i + 1];
    i += 1;
    switch (flag) {
      case '--gateway':
        if (!value || !/^https?:\/\//.test(value))
          throw new OptionsError(`--gateway must be an http(s) URL; got ${value ?? 'nothing'}`);
        opts.gateway = value;
        break;
      case '--users':
        opts.users = positiveInt('users', value, 100_000);
        break;
      case '--records-per-user':
        opts.recordsPerUser = positiveInt('records-per-user', value, 1_000_000);
        break;
      case '--period':
        if (!value || !isPeriod(value))
          throw new OptionsError(`--period must be YYYY-MM; got ${value ?? 'nothing'}`);
        opts.period = value;
        break;
      case '--late':
        opts.late = intIn('late', value, 0, 100_000);
        lateGiven = true;
        break;
      case '--batch':
        opts.batchSize = positiveInt('batch', value, 1000);
        break;
      case '--concurrency':
        opts.concurrency = positiveInt('concurrency', value, 64);
        break;
      case '--show':
        opts.show = positiveInt('show', value, 1000);
        break;
      default:
        throw new OptionsError(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  if (!opts.close) {
    if (lateGiven && opts.late > 0)
      throw new OptionsError(
        `--late ${opts.late} needs the month closed (late records are of a closed month); drop --no-close or --late`,
      );
    opts.late = 0;
  }
  if (!lateGiven) opts.late = Math.min(opts.late, opts.users);
  if (opts.late > opts.users)
    throw new OptionsError(
      `--late must be at most --users (${opts.users}): one late record per user; got ${opts.late}`,
    );
  return opts;
}
