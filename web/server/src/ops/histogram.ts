import { samplesOf, type PromSample } from './prom-text';

/** A histogram's cumulative bucket counts by upper bound (seconds), summed over its series. */
export type Buckets = Map<number, number>;

/** `<name>_bucket` samples whose labels pass `keep`, summed per `le`. */
export function bucketsOf(
  samples: readonly PromSample[],
  name: string,
  keep: (labels: Record<string, string>) => boolean,
): Buckets {
  const buckets: Buckets = new Map();
  for (const s of samplesOf(samples, `${name}_bucket`, keep)) {
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (!Number.isNaN(le)) buckets.set(le, (buckets.get(le) ?? 0) + s.value);
  }
  return buckets;
}

/** What was observed between two readings of the same counters (a restart starts afresh). */
export function bucketsSince(now: Buckets, before: Buckets | undefined): Buckets {
  const delta: Buckets = new Map();
  const restarted = [...now].some(([le, n]) => n < (before?.get(le) ?? 0));
  for (const [le, n] of now) delta.set(le, restarted ? n : n - (before?.get(le) ?? 0));
  return delta;
}

/**
 * The `q` quantile of cumulative buckets, interpolated inside its bucket as Prometheus'
 * histogram_quantile does; null when nothing was observed. In seconds.
 */
export function quantile(buckets: Buckets, q: number): number | null {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? buckets.get(bounds[bounds.length - 1]!) ?? 0;
  if (!(total > 0)) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound)!;
    if (count >= rank) {
      // Past the last finite bound there is nothing to interpolate to: say the last bound.
      if (bound === Infinity) return lower;
      return lower + (bound - lower) * ((rank - below) / Math.max(count - below, 1e-9));
    }
    lower = bound;
    below = count;
  }
  return lower;
}
