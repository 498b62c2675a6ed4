/** What the bench counts in the stack's output (`name | HH:MM:SS LEVEL message …` lines). */
export const SIGNS = {
  /** A subgraph's heartbeat found its lease gone (it registers again). */
  leaseLost: /lease gone|registering again/i,
  /** The registry evicted an instance whose lease passed. */
  instanceEvicted: /instance evicted/i,
  /** The settlement consumer left or rejoined its group (rebalance, eviction, crash). */
  consumerRebalanced:
    /rebalanc|not aware of this member|re-joining|UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION|consumer crashed/i,
  /** A MongoDB client gave up on the server. */
  mongoTimeout: /MongoServerSelectionError|MongoNetworkTimeoutError|MongoOperationTimeoutError/,
  /** A service could not reach the registry in time (poll, heartbeat or registration). */
  registryUnreachable: /registry poll failed|registry heartbeat failed|registry unreachable/i,
  /** The gateway found no live instance of a subgraph. */
  noLiveInstance: /no live instance/i,
} as const;
export type Sign = keyof typeof SIGNS;

export interface LogCounts {
  lines: number;
  /** ERROR or FATAL lines, per process name. */
  errors: Record<string, number>;
  warnings: Record<string, number>;
  signs: Record<Sign, number>;
  /** A few matching lines, for the report. */
  examples: string[];
}

const LINE = /^(\S+)\s*\| (?:\d\d:\d\d:\d\d )?(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)?/;

export function emptyCounts(): LogCounts {
  return {
    lines: 0,
    errors: {},
    warnings: {},
    signs: {
      leaseLost: 0,
      instanceEvicted: 0,
      consumerRebalanced: 0,
      mongoTimeout: 0,
      registryUnreachable: 0,
      noLiveInstance: 0,
    },
    examples: [],
  };
}

/** Adds one output line to `counts`; rebalance signs count only on settlement's lines. */
export function countLine(counts: LogCounts, line: string): void {
  counts.lines += 1;
  const [, name = 'stack', level] = LINE.exec(line) ?? [];
  if (level === 'ERROR' || level === 'FATAL') counts.errors[name] = (counts.errors[name] ?? 0) + 1;
  if (level === 'WARN') counts.warnings[name] = (counts.warnings[name] ?? 0) + 1;
  let matched = false;
  for (const sign of Object.keys(SIGNS) as Sign[]) {
    if (sign === 'consumerRebalanced' && name !== 'settlement') continue;
    if (!SIGNS[sign].test(line)) continue;
    counts.signs[sign] += 1;
    matched = true;
  }
  if ((matched || level === 'ERROR' || level === 'FATAL') && counts.examples.length < 10)
    counts.examples.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
}

/** Counts the stack's output over the whole run and over any windows opened meanwhile. */
export function stackLog() {
  const total = emptyCounts();
  const open = new Set<LogCounts>();
  return {
    add(line: string): void {
      countLine(total, line);
      for (const counts of open) countLine(counts, line);
    },
    /** Starts counting lines from now on; the function returned stops and gives the counts. */
    startWindow(): () => LogCounts {
      const counts = emptyCounts();
      open.add(counts);
      return () => {
        open.delete(counts);
        return counts;
      };
    },
    total: (): LogCounts => total,
  };
}

export type StackLog = ReturnType<typeof stackLog>;
