import type { Model } from 'mongoose';
import { duplicateIndexes } from './mongo-errors';

/**
 * Inserts documents unordered, straight through the driver (they are built by our own code,
 * so mongoose casting adds nothing). Returns the positions refused as duplicate keys: with
 * natural ids, those are documents already stored, which makes the insert idempotent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertUnordered(model: Model<any>, docs: object[]): Promise<number[]> {
  if (docs.length === 0) return [];
  try {
    await model.collection.insertMany(docs, { ordered: false });
    return [];
  } catch (err) {
    return duplicateIndexes(err);
  }
}
