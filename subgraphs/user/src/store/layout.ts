import { ensureLayout, type Outbox } from '@tally/service-kit';
import type { Connection } from 'mongoose';
import type { Logger } from '@tally/service-kit';
import { migrateToLayout2 } from './migrations/to-layout-2';

/** The stored layout this code reads and writes (see the README's "Stored shape"). */
export const USER_LAYOUT = 2;

export function ensureUserLayout(
  db: Connection,
  outbox: Pick<Outbox, 'intend'>,
  logger: Logger,
): Promise<void> {
  return ensureLayout(db, {
    service: 'user-subgraph',
    version: USER_LAYOUT,
    migrations: { 2: migrateToLayout2(outbox) },
    logger,
  });
}
