/** One point of a line: when, and the figure then (null: no figure, a gap). */
export interface Point {
  at: number;
  value: number | null;
}

/** The runs of points with a figure, split at the gaps; a lone point is drawn as a dot. */
export function segmentsOf(points: readonly Point[]): Array<Array<{ at: number; value: number }>> {
  const segments: Array<Array<{ at: number; value: number }>> = [];
  let run: Array<{ at: number; value: number }> = [];
  for (const p of points) {
    if (p.value === null) {
      if (run.length) segments.push(run);
      run = [];
    } else run.push({ at: p.at, value: p.value });
  }
  if (run.length) segments.push(run);
  return segments.map((s) =>
    s.length === 1 ? [s[0]!, { at: s[0]!.at + 1, value: s[0]!.value }] : s,
  );
}

/** A round top for the y axis at or above `max` (1, 2, 5 × 10^n); 1 for nothing. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}
