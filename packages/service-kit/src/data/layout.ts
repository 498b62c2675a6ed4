import type { Connection } from 'mongoose';
import type { Logger } from 'pino';

const META = 'tally_layout';

/** Moves a database from layout `to - 1` to `to`; must be safe to run again after a crash. */
export type Migration = (db: Connection, logger: Logger) => Promise<void>;

export interface LayoutOptions {
  /** The service whose layout this is (one meta document per service). */
  service: string;
  /** The layout this code reads and writes. */
  version: number;
  /** By the version they lead to; each runs when the stored layout is one below it. */
  migrations: Record<number, Migration>;
  logger: Logger;
}

export class LayoutError extends Error {}

/**
 * Makes sure the database holds the layout this code expects, so data written by an older
 * version is migrated at start and never silently misread. A database with no meta document
 * but other collections was written before layouts were recorded: layout 1. A newer layout
 * than the code knows stops the start.
 */
export async function ensureLayout(db: Connection, opts: LayoutOptions): Promise<void> {
  const meta = db.collection<{ _id: string; version: number; migratedAt?: Date }>(META);
  let stored = (await meta.findOne({ _id: opts.service }))?.version;
  if (stored === undefined) {
    const names = (await db.listCollections()).map((c) => c.name).filter((n) => n !== META);
    stored = names.length === 0 ? opts.version : 1;
  }
  if (stored > opts.version)
    throw new LayoutError(
      `${opts.service}: the database holds layout ${stored}, newer than this code's ${opts.version}; run a newer Tally`,
    );
  for (let next = stored + 1; next <= opts.version; next++) {
    const migrate = opts.migrations[next];
    if (!migrate)
      throw new LayoutError(`${opts.service}: no migration from layout ${next - 1} to ${next}`);
    opts.logger.info({ from: next - 1, to: next }, 'migrating the stored layout');
    await migrate(db, opts.logger);
    await meta.updateOne(
      { _id: opts.service },
      { $set: { version: next, migratedAt: new Date() } },
      { upsert: true },
    );
    opts.logger.info({ layout: next }, 'layout migrated');
  }
  await meta.updateOne(
    { _id: opts.service },
    { $setOnInsert: { version: opts.version } },
    { upsert: true },
  );
}
