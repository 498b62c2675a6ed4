import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuUse } from '../scale/cpu-use';
import type { GitState, Machine } from '../scale/machine';
import type { Rss } from '../scale/processes';
import type { LogCounts } from '../scale/stack-log';
import type { BackupCheck, BillCheck, LetterCheck, TopicCheck } from './checks';
import type { FaultSteps } from './faults';
import type { PathWindow } from './timeline';

export interface FaultResult {
  name: string;
  what: string;
  /** Seconds since the load started, when it was injected. */
  atS: number;
  /** Kill → answering again (a restart), or how long it stayed frozen. */
  processBackAfterS: number;
  /** From the injection until every path (API and readiness) answered again; null: never. */
  everyPathAnswersAfterS: number | null;
  slowestPath: string | null;
  /** The same for the API paths only (ingest, bill read, each subgraph through the gateway). */
  apiAnswersAfterS: number | null;
  recovered: boolean;
  /** The window: from the injection to the next fault (recovery and quiet seconds included). */
  windowS: number;
  /** New records accepted per second over the window. */
  recordsPerSecond: number;
  paths: Record<string, PathWindow>;
  unexpectedExits: string[];
  log: Pick<LogCounts, 'errors' | 'warnings' | 'signs' | 'examples'>;
  steps: FaultSteps;
}

export interface ChaosRun {
  bench: 'chaos';
  at: string;
  finishedAt: string;
  machine: Machine;
  git: GitState | null;
  config: Record<string, unknown>;
  period: string;
  dataDir: string;
  stackStartS: number;
  load: Record<string, unknown>;
  faults: FaultResult[];
  checks: {
    settled?: { outboxDrainedS: number; appliedS: number; published: number };
    bills?: BillCheck;
    topic?: TopicCheck;
    store?: { records: number; accepted: number };
    backup?: BackupCheck;
    deadLetters?: { settlement: LetterCheck; backup: LetterCheck };
    poison?: Array<{ kind: string; topic: string; value: string }>;
  };
  cpu?: CpuUse;
  rss?: Record<string, Rss>;
  log?: LogCounts;
  unexpectedExits: string[];
  failures: string[];
}

const codes = (w: PathWindow) =>
  Object.entries(w.codes)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

/** One line per fault: how long it took and what failed meanwhile. */
export function faultLine(f: FaultResult): string {
  const failed = Object.entries(f.paths)
    .filter(([, w]) => w.failed > 0)
    .map(
      ([p, w]) =>
        `${p} ${w.failed} (${codes(w)}; ${w.answersAgainAfterS === null ? 'still failing at the end of the window' : `${w.answersAgainAfterS} s`})`,
    );
  const back = f.name.startsWith('freeze') ? 'frozen' : 'back in';
  const every =
    f.everyPathAnswersAfterS === null
      ? `${f.slowestPath} still failing ${f.windowS} s after the injection`
      : `every path answers after ${f.everyPathAnswersAfterS} s${f.slowestPath ? ` (last: ${f.slowestPath})` : ''}`;
  return `${f.name.padEnd(17)} ${back} ${f.processBackAfterS} s; ${every}; API after ${f.apiAnswersAfterS === null ? '(still failing at the end of the window)' : `${f.apiAnswersAfterS} s`}; ${f.recordsPerSecond} rec/s; failed: ${failed.length > 0 ? failed.join('; ') : 'none'}${f.unexpectedExits.length > 0 ? `; EXITED: ${f.unexpectedExits.join('; ')}` : ''}`;
}

export function writeChaosResults(dir: string, run: ChaosRun): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'chaos.json');
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
