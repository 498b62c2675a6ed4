import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TOPICS } from '@tally/events';
import { STACK_PORTS } from '@tally/infra';
import { SERVICES } from '@tally/stack';
import { billingApi } from '../../e2e/support/billing-api';
import { benchEndpoints } from './endpoints';
import { closeFetchConnections } from './graphql';
import { seedUsers } from './ingest';
import { gitState, machine } from './machine';
import { REPO_ROOT, RESULTS_DIR, type StackBenchOptions } from './options';
import { nameProfiles, printProfileTops } from './profiles';
import type { BenchRun } from './report';
import { settlementProgress, type SettlementProgress } from './settlement-progress';
import { stackLog, type StackLog } from './stack-log';
import { startStack, startStackUntilUp, type RunningStack } from './stack-process';
import { benchMonth, type BenchMonth } from './workload';

/**
 * What bench:scale and bench:gateway share: a fresh stack as `npm start` runs it, started until
 * up, with the bench month, the endpoints and seeded users; stopped (its data removed, its
 * profiles named) once on the way out, also on SIGINT/SIGTERM. Each bench measures in between.
 */
export const portOf = (name: string) => SERVICES.find((s) => s.name === name)!.port;
export const GATEWAY_URL = `http://127.0.0.1:${portOf('gateway')}/graphql`;
const SETTLEMENT_URL = `http://127.0.0.1:${portOf('settlement')}/graphql`;
/** The stack is started again when it exits before it is up (startStackUntilUp). */
const START_ATTEMPTS = 3;

/** The run's fields every bench fills the same way, in the order its JSON keeps them. */
export type RunHeader<B extends string> = { bench: B } & Pick<
  BenchRun,
  'at' | 'finishedAt' | 'machine' | 'git' | 'root' | 'config' | 'period'
>;

export interface BenchContext<O, R> {
  opts: O;
  run: R;
  stack: RunningStack;
  log: StackLog;
  profileDir: string | undefined;
  month: BenchMonth;
  /** performance.now() before the endpoints and the users: the setup's start. */
  setupStarted: number;
  apis: Awaited<ReturnType<typeof benchEndpoints>>;
  api: ReturnType<typeof billingApi>;
  userIds: string[];
  /** Names for the profiles of processes outside the stack, by pid. */
  names: Map<number, string>;
  /** Runs on the way out, before the stack stops; the last added first. */
  atCleanUp(stop: () => Promise<void>): void;
  /** Settlement's progress through the brokers' admin API, closed on the way out. */
  watchSettlement(): SettlementProgress;
}

export interface StackBench<O extends StackBenchOptions & { users: number }, R extends BenchRun> {
  name: R['bench'];
  help: string;
  readOptions(env: NodeJS.ProcessEnv): O;
  /** The profile folder under results/profiles/, from the run's time stamp. */
  profileName(stamp: string): string;
  /** Profile between two of this signal instead of from start to exit (cpu-profile-hook.js). */
  profileSignal?: NodeJS.Signals;
  /** The first line's start: what the bench will do. */
  intro(opts: O): string;
  /** The run with the bench's own fields after the header's. */
  newRun(header: RunHeader<R['bench']>, opts: O): R;
  measure(ctx: BenchContext<O, R>): Promise<void>;
  /** Once the stack is stopped: the final results, when there are any. */
  report(run: R): Promise<void>;
}

/** Runs a bench as a script: its exit code, 1 when it threw. */
export function runStackBench<O extends StackBenchOptions & { users: number }, R extends BenchRun>(
  bench: StackBench<O, R>,
): void {
  benchMain(bench).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`bench:${bench.name}: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

async function benchMain<O extends StackBenchOptions & { users: number }, R extends BenchRun>(
  bench: StackBench<O, R>,
): Promise<number> {
  const prefix = `bench:${bench.name}`;
  if (process.argv.includes('--help')) {
    console.log(bench.help);
    return 0;
  }
  const opts = bench.readOptions(process.env);
  const cli = join(opts.root, 'packages/stack/dist/cli.js');
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: build first (npm run build in ${opts.root})`);
  if (opts.dataDir && existsSync(opts.dataDir) && readdirSync(opts.dataDir).length > 0)
    throw new Error(`BENCH_DATA_DIR ${opts.dataDir} is not empty: the bench needs a fresh stack`);
  const at = new Date();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-bench-'));
  const profileDir = opts.profile
    ? join(RESULTS_DIR, 'profiles', bench.profileName(at.toISOString().replace(/[:.]/g, '-')))
    : undefined;
  const log = stackLog();
  console.log(`${prefix}: ${bench.intro(opts)}; stack from ${opts.root}, data in ${dataDir}`);
  const stackOptions = {
    root: opts.root,
    dataDir,
    logFile: join(REPO_ROOT, '.logs', `bench-${bench.name}-stack.log`),
    log,
    ...(profileDir && { profileDir }),
    ...(profileDir && bench.profileSignal && { profileSignal: bench.profileSignal }),
  };
  const running = { stack: startStack(stackOptions) };
  const run = bench.newRun(
    {
      bench: bench.name,
      at: at.toISOString(),
      finishedAt: '',
      machine: machine(),
      git: gitState(opts.root),
      root: opts.root,
      config: { ...(opts as StackBenchOptions), dataDir },
      period: '',
    },
    opts,
  );

  const closers: Array<() => Promise<void>> = [];
  const names = new Map<number, string>();
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      for (const close of [...closers].reverse()) await close();
      await closeFetchConnections();
      console.log(`${prefix}: stopping the stack`);
      await running.stack.stop();
      if (profileDir) {
        nameProfiles(profileDir, new Map([...running.stack.names(), ...names]), running.stack.pid);
        run.profiles = profileDir;
      }
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`${prefix}: ${signal}; stopping`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    await startStackUntilUp(running, stackOptions, START_ATTEMPTS, run.stackStartFailures);
    const month = benchMonth(new Date(), opts.timeZone);
    run.period = month.period;
    const setupStarted = performance.now();
    const apis = await benchEndpoints({
      root: opts.root,
      gatewayUrl: GATEWAY_URL,
      settlementUrl: SETTLEMENT_URL,
    });
    const api = billingApi(GATEWAY_URL.replace(/\/graphql$/, ''), apis.adminToken);
    const userIds = await seedUsers(api, opts.users, month);
    await bench.measure({
      opts,
      run,
      stack: running.stack,
      log,
      profileDir,
      month,
      setupStarted,
      apis,
      api,
      userIds,
      names,
      atCleanUp: (stop) => closers.push(stop),
      watchSettlement: () => {
        const settlement = settlementProgress(
          `127.0.0.1:${STACK_PORTS.kafka}`,
          DEFAULT_TOPICS.usage,
        );
        closers.push(() => settlement.stop().catch(() => {}));
        return settlement;
      },
    });
  } catch (err) {
    run.failures.push(err instanceof Error ? err.message : String(err));
    console.error(`${prefix}: ${run.failures.at(-1)}`);
    if (running.stack.exitReason())
      console.error(`--- the stack's last lines ---\n${running.stack.recentOutput()}`);
  } finally {
    await cleanUp();
  }
  run.finishedAt = new Date().toISOString();
  await bench.report(run);
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    printProfileTops(profileDir);
  }
  for (const f of run.failures) console.error(`FAILED: ${f}`);
  return run.failures.length > 0 ? 1 : 0;
}
