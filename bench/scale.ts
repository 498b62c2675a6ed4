import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TOPICS } from '@tally/events';
import { STACK_PORTS } from '@tally/infra';
import { SERVICES } from '@tally/stack';
import { billingApi } from '../e2e/support/billing-api';
import { closeFetchConnections } from './scale/graphql';
import { benchEndpoints } from './scale/endpoints';
import { seedUsers } from './scale/ingest';
import { gitState, machine } from './scale/machine';
import { HELP, readOptions, REPO_ROOT, RESULTS_DIR } from './scale/options';
import { nameProfiles, printProfileTops } from './scale/profiles';
import { markdownTable, writeResults, type ScaleRun, type StageResult } from './scale/report';
import { settlementProgress, type SettlementProgress } from './scale/settlement-progress';
import { runStage, stageLine } from './scale/stage';
import { stackLog } from './scale/stack-log';
import { startStack, startStackUntilUp } from './scale/stack-process';
import { benchMonth, expectedTotals } from './scale/workload';

/**
 * `npm run bench:scale`: the stack as `npm start` runs it, filled in stages, measured at each
 * (see HELP in ./scale/options). A bench, not a test: it asserts nothing on time and fails only
 * on errors and wrong answers.
 */
const portOf = (name: string) => SERVICES.find((s) => s.name === name)!.port;
const GATEWAY_URL = `http://127.0.0.1:${portOf('gateway')}/graphql`;
/** The stack is started again when it exits before it is up (startStackUntilUp). */
const START_ATTEMPTS = 3;
const SETTLEMENT_URL = `http://127.0.0.1:${portOf('settlement')}/graphql`;

/** What went wrong in a stage that still finished: wrong answers, errors under read or load. */
function stageFailures(s: StageResult): string[] {
  const reads = {
    'bill via gateway': s.billRead.gateway,
    'bill via settlement': s.billRead.settlement,
    'usage page': s.usagePage,
    'usage summary': s.usageSummary,
    load: s.load,
  };
  return Object.entries(reads)
    .filter(([, r]) => r.errors > 0)
    .map(
      ([what, r]) =>
        `${s.records} records, ${what}: ${r.errors} errors (${r.wrongAnswers} wrong answers), e.g. ${r.firstErrors[0]}`,
    );
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const opts = readOptions(process.env);
  const cli = join(opts.root, 'packages/stack/dist/cli.js');
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: build first (npm run build in ${opts.root})`);
  if (opts.dataDir && existsSync(opts.dataDir) && readdirSync(opts.dataDir).length > 0)
    throw new Error(`BENCH_DATA_DIR ${opts.dataDir} is not empty: the bench needs a fresh stack`);
  const at = new Date();
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-bench-'));
  const profileDir = opts.profile ? join(RESULTS_DIR, 'profiles', stamp) : undefined;
  const log = stackLog();
  console.log(
    `bench:scale: stages ${opts.stages.join(', ')}; stack from ${opts.root}, data in ${dataDir}`,
  );
  const stackOptions = {
    root: opts.root,
    dataDir,
    logFile: join(REPO_ROOT, '.logs', 'bench-scale-stack.log'),
    log,
    ...(profileDir && { profileDir }),
  };
  const running = { stack: startStack(stackOptions) };

  const run: ScaleRun = {
    bench: 'scale',
    at: at.toISOString(),
    finishedAt: '',
    machine: machine(),
    git: gitState(opts.root),
    root: opts.root,
    config: { ...opts, dataDir },
    period: '',
    setup: { users: opts.users, seconds: 0 },
    stackStartFailures: [],
    stages: [],
    failures: [],
  };
  let settlement: SettlementProgress | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await settlement?.stop().catch(() => {});
      await closeFetchConnections();
      console.log('bench:scale: stopping the stack');
      await running.stack.stop();
      if (profileDir) {
        nameProfiles(profileDir, running.stack.names(), running.stack.pid);
        run.profiles = profileDir;
      }
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`bench:scale: ${signal}; stopping`);
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
    const userIds = await seedUsers(
      billingApi(GATEWAY_URL.replace(/\/graphql$/, ''), apis.adminToken),
      opts.users,
      month,
    );
    run.setup.seconds = Math.round((performance.now() - setupStarted) / 100) / 10;
    console.log(
      `bench:scale: ${opts.users} users in ${run.setup.seconds} s; period ${month.period}`,
    );
    settlement = settlementProgress(`127.0.0.1:${STACK_PORTS.kafka}`, DEFAULT_TOPICS.usage);
    const ctx = {
      opts,
      ...apis,
      runTag: randomBytes(4).toString('hex'),
      userIds,
      month,
      expected: expectedTotals(opts.users),
      settlement,
      publishedBefore: (await settlement.progress()).published,
      stack: running.stack,
      log,
    };
    let done = 0;
    for (const target of opts.stages) {
      console.log(`bench:scale: stage ${target.toLocaleString('en-US')}`);
      const stage = await runStage(ctx, done, target);
      done = target;
      run.stages.push(stage);
      run.failures.push(...stageFailures(stage));
      console.log(stageLine(stage));
      await writeResults(RESULTS_DIR, run, { history: false });
    }
  } catch (err) {
    run.failures.push(err instanceof Error ? err.message : String(err));
    console.error(`bench:scale: ${run.failures.at(-1)}`);
    if (running.stack.exitReason())
      console.error(`--- the stack's last lines ---\n${running.stack.recentOutput()}`);
  } finally {
    await cleanUp();
  }
  run.finishedAt = new Date().toISOString();
  if (run.stages.length > 0) {
    const files = await writeResults(RESULTS_DIR, run, { history: true });
    console.log(`\n${markdownTable(run)}`);
    console.log(`bench:scale: wrote ${files.join(', ')}`);
  }
  if (profileDir) printProfileTops(profileDir);
  for (const f of run.failures) console.error(`FAILED: ${f}`);
  return run.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench:scale: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
