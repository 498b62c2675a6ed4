/**
 * Every answer the run got, per path, in time order: the load's requests (ingest, bill read)
 * and the probes (each subgraph through the gateway, each process's /health/ready, the backup
 * connector). Per fault, the window from its injection to the next one is read from it.
 */
export interface Outcome {
  /** ms since the run's clock started. */
  at: number;
  ok: boolean;
  /** Why it failed: a GraphQL error code, HTTP_503, ECONNREFUSED, TIMEOUT, … */
  code?: string;
}

export interface PathWindow {
  requests: number;
  failed: number;
  /** Failed requests per code. */
  codes: Record<string, number>;
  /**
   * Seconds from the fault's injection until the path answered again for good: the first
   * success after the window's last failure (0 when nothing failed). null: it never did.
   */
  answersAgainAfterS: number | null;
  /** Seconds between its first and last failure in the window (0 when nothing failed). */
  failingForS: number;
}

export function createTimeline(now: () => number) {
  const paths = new Map<string, Outcome[]>();
  return {
    now,
    record(path: string, ok: boolean, code?: string): void {
      const list = paths.get(path) ?? [];
      if (list.length === 0) paths.set(path, list);
      list.push(ok ? { at: now(), ok } : { at: now(), ok, code: code ?? 'ERROR' });
    },
    paths: (): string[] => [...paths.keys()],
    outcomes: (path: string): Outcome[] => paths.get(path) ?? [],
    /** The latest outcome of `path` at or after `since`, if any. */
    latestSince(path: string, since: number): Outcome | undefined {
      const list = paths.get(path);
      const last = list?.[list.length - 1];
      return last && last.at >= since ? last : undefined;
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What happened on one path in [from, to), a fault injected at `from`. */
export function pathWindow(outcomes: Outcome[], from: number, to: number): PathWindow {
  const inWindow = outcomes.filter((o) => o.at >= from && o.at < to);
  const failures = inWindow.filter((o) => !o.ok);
  const codes: Record<string, number> = {};
  for (const f of failures) codes[f.code!] = (codes[f.code!] ?? 0) + 1;
  let answersAgainAfterS: number | null = 0;
  let failingForS = 0;
  const lastFailure = failures[failures.length - 1];
  if (lastFailure) {
    const recovered = inWindow.find((o) => o.ok && o.at > lastFailure.at);
    answersAgainAfterS = recovered ? round1((recovered.at - from) / 1000) : null;
    failingForS = round1((lastFailure.at - failures[0]!.at) / 1000);
  }
  return {
    requests: inWindow.length,
    failed: failures.length,
    codes,
    answersAgainAfterS,
    failingForS,
  };
}

/** The slowest path to answer again (null if one never did), and which. */
export function slowest(windows: Record<string, PathWindow>): {
  path: string | null;
  seconds: number | null;
} {
  let worst: { path: string | null; seconds: number | null } = { path: null, seconds: 0 };
  for (const [path, w] of Object.entries(windows)) {
    if (w.answersAgainAfterS === null) return { path, seconds: null };
    if (w.answersAgainAfterS > (worst.seconds ?? 0))
      worst = { path, seconds: w.answersAgainAfterS };
  }
  return worst;
}
