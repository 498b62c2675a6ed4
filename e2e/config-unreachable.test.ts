import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@tally/infra';

const ROOT = join(__dirname, '..');

/** Runs a built service to its exit and returns its code and output. */
function runToExit(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, entry)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('a service whose config service cannot be reached', () => {
  it.each(['subgraphs/user/dist/main.js', 'supergraph/dist/main.js'])(
    '%s retries, then exits non-zero naming the config service',
    async (entry) => {
      const nobody = await freePort();
      const started = Date.now();
      const { code, output } = await runToExit(entry, {
        CONFIG_SERVICE_URL: `http://127.0.0.1:${nobody}`,
        CONFIG_SERVICE_DEADLINE_MS: '2000',
        PORT: String(await freePort()),
      });
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(output).toMatch(
        new RegExp(`config service unreachable at http://127\\.0\\.0\\.1:${nobody}/v1/config/`),
      );
      expect(output).not.toMatch(/\n\s+at .*\.js:\d+/); // a message, not a stack trace
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500); // it did retry
    },
  );
});
