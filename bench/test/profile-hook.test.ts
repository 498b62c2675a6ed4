import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROFILE_HOOK } from '../scale/stack-process';

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(50))
    if (Date.now() > end) throw new Error('timed out');
}

describe('the CPU profile preload', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'profile-hook-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with BENCH_PROFILE_SIGNAL, profiles only between two of that signal', async () => {
    const child = spawn(
      process.execPath,
      ['--require', PROFILE_HOOK, '-e', 'console.log("up"); setInterval(() => {}, 50)'],
      {
        env: { ...process.env, BENCH_PROFILE_DIR: dir, BENCH_PROFILE_SIGNAL: 'SIGUSR2' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => child.stdout.once('data', r));
    const file = join(dir, `pid-${child.pid}.cpuprofile`);
    child.kill('SIGUSR2');
    await sleep(300);
    expect(existsSync(file)).toBe(false); // profiling, nothing written yet
    child.kill('SIGUSR2');
    await until(() => existsSync(file));
    child.kill('SIGTERM'); // the window is closed: nothing more is written
    await exited;
    expect(readdirSync(dir)).toEqual([`pid-${child.pid}.cpuprofile`]);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[] };
    expect(profile.nodes.length).toBeGreaterThan(0);
  });
});
