/** Input or a result the rating rules cannot hold (a broken fact, an overflow): a bug to look at, not a client error. */
export class BillingInvariantError extends Error {
  override name = 'BillingInvariantError';
  readonly retriable = false;
}

/** Money and units stay exact: a result past 2^53 - 1 is an error, never a rounded number. */
export function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n))
    throw new BillingInvariantError(`${what} is not a safe integer: ${n}`);
  return n;
}

/** floor(a * b / c) for non-negative integers, exact (a float quotient can round up to the next integer). */
export function mulDivFloor(a: number, b: number, c: number, what: string): number {
  const product = safe(a * b, what);
  let q = Math.floor(product / c);
  while (q * c > product) q--;
  while ((q + 1) * c <= product) q++;
  return q;
}

export function sum(values: number[], what: string): number {
  return values.reduce((acc, v) => safe(acc + v, what), 0);
}
