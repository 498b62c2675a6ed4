export interface SeedOptions {
  gateway: string;
  users: number;
  recordsPerUser: number;
  period: string;
  batchSize: number;
  concurrency: number;
  show: number;
}

export const USAGE = `Usage: npm run seed -- [options]

Fills a running Tally stack (npm start) through the gateway: plans, users, subscriptions
and a month of usage; then prints a few users' bills. Safe to run again: everything is
keyed, so a second run records duplicates, not new data; users found from an
earlier run keep their plans.

  --gateway URL          GraphQL endpoint (default http://127.0.0.1:4000/graphql)
  --users N              users to sign up (default 50)
  --records-per-user N   usage records per user (default 200)
  --period YYYY-MM       the month of usage (default: last month)
  --batch N              records per recordUsages call, 1..1000 (default 1000)
  --concurrency N        calls in flight (default 4)
  --show N               bills to print at the end (default 3)

Signs in as admin: TALLY_TOKEN when set, else a token from the stack's local issuer
(ISSUER_URL, default http://127.0.0.1:4300; development only).`;

export class OptionsError extends Error {}

function positiveInt(name: string, raw: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new OptionsError(
      `--${name} must be an integer from 1 to ${max}; got ${raw ?? 'nothing'}`,
    );
  return n;
}

/** The month before `now`'s month (UTC is close enough for a default). */
export function lastMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
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
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
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
        if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
          throw new OptionsError(`--period must be YYYY-MM; got ${value ?? 'nothing'}`);
        opts.period = value;
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
  return opts;
}
