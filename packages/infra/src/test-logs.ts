import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pid-files';
import type { RuntimeName } from './paths';

/** Test runs may overlap, so each keeps its own log: `.logs/test-kafka-<pid>.log`. */
export function testLogFile(logsDir: string, name: RuntimeName, pid = process.pid): string {
  return join(logsDir, `test-${name}-${pid}.log`);
}

/** Deletes the logs of earlier test runs that have ended (the last one's stay until then). */
export function pruneTestLogs(logsDir: string): void {
  let files: string[];
  try {
    files = readdirSync(logsDir);
  } catch {
    return;
  }
  for (const f of files) {
    const pid = /^test-(?:kafka|mongo|connect)-(\d+)\.log$/.exec(f)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) {
      rmSync(join(logsDir, f), { force: true });
    }
  }
}
