import type { Outbox, OutboxEntry } from '@tally/service-kit';

/** Step 1 of the outbox protocol for one change: its intent's id. */
export async function intendOne(outbox: Outbox, entry: OutboxEntry): Promise<string> {
  const [id] = await outbox.intend([entry]);
  if (!id) throw new Error(`the outbox gave no intent id for a ${entry.kind} change`);
  return id;
}
