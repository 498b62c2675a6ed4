import { mergeById } from './merge-by-id';
import { fieldDifferences, type UsageRecord } from './usage-record';

/** How many ids there are, and the first few (in id order). */
export interface IdList {
  count: number;
  first: string[];
}

export interface BackupDiff {
  storeCount: number;
  backupCount: number;
  /** In the usage store, not in the backup: not backed up (yet). */
  missing: IdList;
  /** In the backup, not in the usage store: what a restore puts back. */
  extra: IdList;
  /** In both, with different values. */
  differing: { count: number; first: Array<{ id: string; fields: string[] }> };
}

/** Compares two streams of records sorted by id; lists at most `listLimit` of each kind. */
export async function diffRecords(
  store: AsyncIterable<UsageRecord>,
  backup: AsyncIterable<UsageRecord>,
  listLimit: number,
): Promise<BackupDiff> {
  const diff: BackupDiff = {
    storeCount: 0,
    backupCount: 0,
    missing: { count: 0, first: [] },
    extra: { count: 0, first: [] },
    differing: { count: 0, first: [] },
  };
  const note = <T>(list: { count: number; first: T[] }, item: T) => {
    list.count += 1;
    if (list.first.length < listLimit) list.first.push(item);
  };
  for await (const { id, store: s, backup: b } of mergeById(store, backup)) {
    if (s) diff.storeCount += 1;
    if (b) diff.backupCount += 1;
    if (s && !b) note(diff.missing, id);
    else if (b && !s) note(diff.extra, id);
    else if (s && b) {
      const fields = fieldDifferences(s, b);
      if (fields.length > 0) note(diff.differing, { id, fields });
    }
  }
  return diff;
}

export function isClean(diff: BackupDiff): boolean {
  return diff.missing.count + diff.extra.count + diff.differing.count === 0;
}
