import { ensureLayout } from '@tally/service-kit';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { BillStateStore } from '../domain/ports';
import { createBillStateStore } from './bill-state-store';
import { migrateToLayout2 } from './migrate-to-layout-2';
import { migrateToLayout3 } from './migrate-to-layout-3';
import { settlementCollections } from './collections';
import { checkBucketTimeZone, claimBucketTimeZone } from './time-zone-guard';

export const LAYOUT_VERSION = 3;

/**
 * Settlement's store, ready to use: refuses a changed billing time zone, migrates an older
 * layout, then records the zone (nothing is written before the layout is known: a
 * collection created first would make an empty database look like layout 1).
 */
export async function openBillState(
  db: Connection,
  opts: { timeZone: string; logger: Logger },
): Promise<BillStateStore> {
  await checkBucketTimeZone(db, opts.timeZone);
  await ensureLayout(db, {
    service: 'settlement',
    version: LAYOUT_VERSION,
    migrations: { 2: migrateToLayout2(opts.timeZone), 3: migrateToLayout3 },
    logger: opts.logger,
  });
  await claimBucketTimeZone(db, opts.timeZone);
  return createBillStateStore(settlementCollections(db));
}
