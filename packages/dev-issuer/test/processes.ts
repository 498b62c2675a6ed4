import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DIST = join(__dirname, '..', 'dist');
const START_DEADLINE_MS = 60_000;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built token CLI to its end. */
export function runTokenCli(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return runToEnd(join(DIST, 'token-cli.js'), args, env);
}

export function runToEnd(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Finished> {
  const child = spawn(process.execPath, [script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface IssuerProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built issuer and resolves when it logs that it listens (its URL from the log). */
export async function startIssuer(env: NodeJS.ProcessEnv): Promise<IssuerProcess> {
  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    env: { ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`issuer not listening in ${START_DEADLINE_MS} ms: ${stderr}`)),
      START_DEADLINE_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`issuer exited (${code}) before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg !== 'token issuer listening' || !entry.url) return;
      clearTimeout(timer);
      resolve(entry.url);
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
