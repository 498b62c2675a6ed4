import { duplicateIndexes } from '@tally/service-kit';

/**
 * Runs upserts through `bulkWrite` (unordered). Two upserts creating the same document at
 * once can leave one refused as a duplicate key; run again, it finds the document and
 * updates it. Any other failure is thrown: the consumer retries the batch, and every write
 * is idempotent.
 */
export async function upsertAll<Op>(
  ops: Op[],
  bulkWrite: (ops: Op[]) => Promise<unknown>,
): Promise<void> {
  if (ops.length === 0) return;
  try {
    await bulkWrite(ops);
  } catch (err) {
    await bulkWrite(duplicateIndexes(err).flatMap((i) => (ops[i] ? [ops[i]] : [])));
  }
}
