import type { Outbox, OutboxEntry } from '@tally/service-kit';
import type { Connection } from 'mongoose';
import type { Logger } from '@tally/service-kit';
import { KINDS } from '../../use-cases/changes';
import {
  BATCH,
  OLD_FIELDS,
  PROGRESS_EVERY,
  type OldDoc,
  type OldPlanDoc,
  type OldUserDoc,
} from './old-layout';

/**
 * Users and plans whose events were still owed (`outboxPending: true`) become outbox intents:
 * the intent first, then the document takes its `outboxId` and loses the old fields in one
 * write. A crash in between leaves an intent whose redo finds another id standing (dropped),
 * and the document still pending, so the re-run makes a new one.
 */
export async function intendPendingUsersAndPlans(
  db: Connection,
  outbox: Pick<Outbox, 'intend'>,
  logger: Logger,
): Promise<void> {
  await intendPending<OldUserDoc>(db, 'users', outbox, logger, (d) => ({
    kind: KINDS.userSignedUp,
    change: {
      user: {
        id: d._id,
        name: d.name,
        phone: d.phone,
        email: d.email ?? null,
        createdAt: d.createdAt,
      },
    },
    messages: d.outbox ?? [],
  }));
  await intendPending<OldPlanDoc>(db, 'plans', outbox, logger, (d) => ({
    kind: KINDS.planCreated,
    change: {
      plan: {
        id: d._id,
        name: d.name,
        monthlyFee: d.monthlyFee,
        // Layout 1 may have left an unlimited allowance out instead of null.
        allowance: {
          dataMb: d.allowance.dataMb ?? null,
          voiceSeconds: d.allowance.voiceSeconds ?? null,
          smsCount: d.allowance.smsCount ?? null,
        },
        overageRate: d.overageRate,
        createdAt: d.createdAt,
      },
    },
    messages: d.outbox ?? [],
  }));
}

async function intendPending<D extends OldDoc>(
  db: Connection,
  name: string,
  outbox: Pick<Outbox, 'intend'>,
  logger: Logger,
  entryOf: (doc: D) => OutboxEntry,
): Promise<void> {
  const collection = db.collection<OldDoc>(name);
  let total = 0;
  let batch: D[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = await outbox.intend(batch.map(entryOf));
    await collection.bulkWrite(
      batch.map((doc, i) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $set: { outboxId: ids[i] }, $unset: OLD_FIELDS },
        },
      })),
      { ordered: false },
    );
    total += batch.length;
    if (total % PROGRESS_EVERY === 0) logger.info({ collection: name, total }, 'intending');
    batch = [];
  };
  for await (const doc of collection.find<D>({ outboxPending: true }).batchSize(BATCH)) {
    batch.push(doc);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  logger.info({ collection: name, intended: total }, 'owed events turned into outbox intents');
  // Published documents had their fields cleared by the old relay; clear any stray ones.
  await collection.updateMany(
    { $or: [{ outbox: { $exists: true } }, { outboxPending: { $exists: true } }] },
    { $unset: OLD_FIELDS },
  );
}
