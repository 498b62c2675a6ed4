import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneTestLogs, testLogFile } from './test-logs';

describe('test logs', () => {
  it('keeps the logs of running test runs and removes those of ended ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-logs-'));
    const ended = spawn('true');
    await new Promise((resolve) => ended.once('exit', resolve));
    try {
      for (const file of [
        testLogFile(dir, 'kafka'),
        testLogFile(dir, 'mongo', ended.pid),
        testLogFile(dir, 'kafka', ended.pid),
        join(dir, 'kafka.log'),
      ]) {
        writeFileSync(file, 'x');
      }
      pruneTestLogs(dir);
      expect(readdirSync(dir).sort()).toEqual(['kafka.log', `test-kafka-${process.pid}.log`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
