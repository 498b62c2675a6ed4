import { isPeriod } from '@tally/billing-time';

export type BackupCommand = 'verify' | 'restore';

export interface BackupOptions {
  /** Only records whose occurredAt falls in this month (billing time zone); null = all. */
  period: string | null;
  /** How many ids of each kind of difference verify lists. */
  list: number;
  help: boolean;
}

const ENVIRONMENT = `Environment: MONGO_URL (default mongodb://127.0.0.1:27017), USAGE_DATABASE
(default tally_usage), BACKUP_DATABASE (default usage_backup), BILLING_TIME_ZONE (default
Asia/Seoul). Both stores keep their records in the collection usage_records.`;

export const USAGE: Record<BackupCommand, string> = {
  verify: `Usage: npm run backup:verify [-- --period YYYY-MM] [--list N]

Compares the usage backup with the usage store: the records in each, then those missing from
the backup, those only in the backup and those that differ (the first N ids of each, counts of
all). Exits 1 on any difference.

  --period YYYY-MM   only records that occurred in that month, in the billing time zone
  --list N           ids to list per kind of difference, 0..1000 (default 10)

${ENVIRONMENT}`,
  restore: `Usage: npm run backup:restore [-- --period YYYY-MM]

Puts back into the usage store the records the backup has and the store lacks. Never
overwrites a record, and publishes no events: restored records are not billed again.

  --period YYYY-MM   only records that occurred in that month, in the billing time zone

${ENVIRONMENT}`,
};

export class OptionsError extends Error {}

export function parseOptions(command: BackupCommand, argv: string[]): BackupOptions {
  const opts: BackupOptions = { period: null, list: 10, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') {
      opts.help = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--period') {
      if (!value || !isPeriod(value))
        throw new OptionsError(`--period must be YYYY-MM; got ${value ?? 'nothing'}`);
      opts.period = value;
    } else if (flag === '--list' && command === 'verify') {
      const n = Number(value);
      if (!value || !Number.isSafeInteger(n) || n < 0 || n > 1000)
        throw new OptionsError(
          `--list must be an integer from 0 to 1000; got ${value ?? 'nothing'}`,
        );
      opts.list = n;
    } else {
      throw new OptionsError(`unknown option ${flag}\n\n${USAGE[command]}`);
    }
  }
  return opts;
}
