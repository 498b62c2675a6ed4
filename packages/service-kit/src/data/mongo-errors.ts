import { mongo } from 'mongoose';

/** E11000: a unique index refused the write (the only uniqueness guarantee we rely on). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

interface WriteErrorLike {
  code?: number;
  index?: number;
  err?: { code?: number; index?: number };
}

/**
 * The positions an unordered insert refused as duplicates, when duplicates are all it
 * refused; anything else is rethrown. The driver wraps a network or server-selection error
 * during a bulk write (and a write-concern error) in a MongoBulkWriteError with no
 * writeErrors: nothing was refused as a duplicate there, and nothing is known to be written,
 * so it is rethrown too (taken for "no duplicates", it had insertUnordered report documents
 * stored that never were).
 */
export function duplicateIndexes(err: unknown): number[] {
  const writeErrors = (err as { writeErrors?: WriteErrorLike[] }).writeErrors;
  if (!writeErrors && isDuplicateKey(err)) return [(err as { index?: number }).index ?? 0];
  if (!writeErrors) throw err;
  const failed = writeErrors.map((w) => ({
    code: w.code ?? w.err?.code,
    index: w.index ?? w.err?.index ?? 0,
  }));
  if (failed.length === 0 || failed.some((f) => f.code !== 11000)) throw err;
  return failed.map((f) => f.index);
}

const UNREACHABLE = [
  mongo.MongoNetworkError, // and its kinds: timeout, pool cleared
  mongo.MongoServerSelectionError,
  mongo.MongoNotConnectedError,
  mongo.MongoTopologyClosedError,
];

/**
 * The database did not answer (refused, dropped, timed out, no server to select): a dependency
 * is down, which the API answers as UNAVAILABLE, not as an internal error. Follows `cause`.
 */
export function isStoreUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (UNREACHABLE.some((type) => e instanceof type)) return true;
  return false;
}
