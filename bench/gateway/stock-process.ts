import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ts from 'typescript';
import { REPO_ROOT } from '../scale/options';
import { PROFILE_HOOK } from '../scale/stack-process';
import { LISTENING, type StockGatewayConfig } from './stock-gateway';

/** Beside node_modules, so the compiled script finds the same packages as the bench. */
const BUILD_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'tally-bench');
const READY_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 10_000;

/**
 * stock-gateway.ts compiled to plain JavaScript, so the stock gateway runs under plain node as
 * Tally's does (from dist/): no TypeScript loader in its process, its CPU or its memory.
 */
function compileStockGateway(): string {
  const source = readFileSync(join(__dirname, 'stock-gateway.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  mkdirSync(BUILD_DIR, { recursive: true });
  const file = join(BUILD_DIR, 'stock-gateway.js');
  writeFileSync(file, outputText);
  return file;
}

export interface StockGateway {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts the stock gateway in its own process; resolves once it listens. */
export async function startStockGateway(opts: {
  config: StockGatewayConfig;
  logFile: string;
  /** Profile between two of profileSignal (see cpu-profile-hook.js), written here. */
  profile?: { dir: string; signal: NodeJS.Signals };
}): Promise<StockGateway> {
  const script = compileStockGateway();
  const configFile = join(BUILD_DIR, 'stock-gateway.json');
  writeFileSync(configFile, JSON.stringify(opts.config));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const args = [script, configFile];
  if (opts.profile) {
    env.BENCH_PROFILE_DIR = opts.profile.dir;
    env.BENCH_PROFILE_SIGNAL = opts.profile.signal;
    args.unshift('--require', PROFILE_HOOK);
  }
  const out = createWriteStream(opts.logFile, { flags: 'w' });
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the stock gateway did not listen in ${READY_DEADLINE_MS / 1000} s`)),
      READY_DEADLINE_MS,
    );
    const onLine = (line: string) => {
      out.write(`${line}\n`);
      if (!line.startsWith(LISTENING)) return;
      clearTimeout(timer);
      resolve(Number(line.slice(LISTENING.length)));
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    void exited.then((why) => {
      clearTimeout(timer);
      reject(new Error(`the stock gateway ${why} (see ${opts.logFile})`));
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid ?? -1,
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      (stopping ??= (async () => {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
        await exited;
        clearTimeout(timer);
        await new Promise<void>((r) => out.end(r));
      })()),
  };
}
