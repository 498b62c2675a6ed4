import { diffRecords, type BackupDiff } from './diff';
import { periodFilter, recordsById, type Stores } from './stores';

export interface VerifyOptions {
  period: string | null;
  timeZone: string;
  /** How many ids of each kind of difference to keep. */
  list: number;
}

/** Compares the backup with the usage store, record by record (see diffRecords). */
export function verifyBackup(stores: Stores, opts: VerifyOptions): Promise<BackupDiff> {
  const filter = periodFilter(opts.period, opts.timeZone);
  return diffRecords(
    recordsById(stores.store, filter),
    recordsById(stores.backup, filter),
    opts.list,
  );
}
