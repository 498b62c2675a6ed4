export interface Keyed {
  _id: string;
}

/** One id and what each side holds for it. */
export interface Matched<A, B> {
  id: string;
  store?: A;
  backup?: B;
}

/**
 * Walks two streams of documents sorted by `_id` ascending side by side and yields each id once,
 * with the document of each side that has it: a merge join, so neither side is held in
 * memory. The server sorts; should its string order differ from JavaScript's (it does not for
 * ASCII ids), the walk stops with an error instead of reporting false differences.
 */
export async function* mergeById<A extends Keyed, B extends Keyed>(
  store: AsyncIterable<A>,
  backup: AsyncIterable<B>,
): AsyncGenerator<Matched<A, B>> {
  const left = sortedCursor(store, 'usage store');
  const right = sortedCursor(backup, 'backup');
  let a = await left.next();
  let b = await right.next();
  while (a || b) {
    if (a && (!b || a._id < b._id)) {
      yield { id: a._id, store: a };
      a = await left.next();
    } else if (b && (!a || b._id < a._id)) {
      yield { id: b._id, backup: b };
      b = await right.next();
    } else {
      yield { id: a!._id, store: a!, backup: b! };
      a = await left.next();
      b = await right.next();
    }
  }
}

function sortedCursor<T extends Keyed>(source: AsyncIterable<T>, what: string) {
  const it = source[Symbol.asyncIterator]();
  let last: string | undefined;
  return {
    async next(): Promise<T | undefined> {
      const r = await it.next();
      if (r.done) return undefined;
      const id = r.value._id;
      if (last !== undefined && !(last < id))
        throw new Error(
          `${what}: ids out of order (${JSON.stringify(id)} after ${JSON.stringify(last)})`,
        );
      last = id;
      return r.value;
    },
  };
}
