import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TOPICS } from '@tally/events';
import { billingApi } from '../e2e/support/billing-api';
import { createBillReader } from './chaos/bill-reader';
import {
  checkBackup,
  checkBills,
  checkLetters,
  checkTopic,
  referenceBills,
  storeCount,
  waitSettled,
} from './chaos/checks';
import { injectFault, type FaultName } from './chaos/faults';
import { createIngestDriver } from './chaos/ingest-driver';
import { HELP, readChaosOptions } from './chaos/options';
import { apiProbes, readyProbes, runProbes } from './chaos/probes';
import { faultLine, writeChaosResults, type ChaosRun, type FaultResult } from './chaos/report';
import { startChaosStack, type ChaosStack, type ServiceName } from './chaos/stack';
import { createTimeline, pathWindow, slowest, type PathWindow } from './chaos/timeline';
import { injectPoison, POISON, type Placed } from './chaos/topics';
import { measureCpu } from './scale/cpu-use';
import { benchEndpoints } from './scale/endpoints';
import { closeFetchConnections } from './scale/graphql';
import { seedUsers } from './scale/ingest';
import { gitState, machine } from './scale/machine';
import { REPO_ROOT, RESULTS_DIR } from './scale/options';
import { stackLog } from './scale/stack-log';
import { benchMonth } from './scale/workload';

/**
 * `npm run chaos`: steady ingest and bill reads through the gateway while processes of the
 * stack are killed, restarted and frozen one after another; then every bill is compared with
 * the records the API accepted. See HELP in ./chaos/options.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;
const API_PATHS = ['ingest', 'bill read', 'gateway→user', 'gateway→usage', 'gateway→settlement'];
const READY: ServiceName[] = [
  'config',
  'issuer',
  'registry',
  'user',
  'usage',
  'settlement',
  'gateway',
];
const PROBE_INTERVAL_MS = 1000;
const PROBE_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;
const DRAIN_GRACE_MS = 300_000;

async function main(): Promise<number> {
  if (process.argv.includes('--help')) return (void console.log(HELP), 0);
  const opts = readChaosOptions(process.env);
  for (const built of ['packages/stack/dist/index.js', 'packages/backup/dist/verify-cli.js'])
    if (!existsSync(join(opts.root, built)))
      throw new Error(`${built} is missing: build first (npm run build in ${opts.root})`);
  const at = new Date();
  const clock0 = performance.now();
  const wall0 = Date.now();
  const now = () => Math.round(performance.now() - clock0);
  const timeline = createTimeline(now);
  const log = stackLog();
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-chaos-'));
  const logDir = join(REPO_ROOT, '.logs', 'chaos');
  const unexpectedExits: string[] = [];
  const run: ChaosRun = {
    bench: 'chaos',
    at: at.toISOString(),
    finishedAt: '',
    machine: machine(),
    git: gitState(opts.root),
    config: { ...opts, requestTimeoutMs: REQUEST_TIMEOUT_MS, probeIntervalMs: PROBE_INTERVAL_MS },
    period: '',
    dataDir,
    stackStartS: 0,
    load: {},
    faults: [],
    checks: {},
    unexpectedExits,
    failures: [],
  };
  const fail = (what: string) => {
    run.failures.push(what);
    console.error(`chaos: FAILED: ${what}`);
  };

  console.log(`chaos: starting the stack (data in ${dataDir}, logs in ${logDir})`);
  let stack: ChaosStack | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await closeFetchConnections();
      console.log('chaos: stopping the stack');
      await stack?.stop().catch((err: unknown) => console.error(`chaos: stopping: ${String(err)}`));
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`chaos: ${signal}; stopping`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    stack = await startChaosStack({
      root: opts.root,
      dataDir,
      logDir,
      log,
      onUnexpectedExit: (name, why) => {
        const line = `${round1(now() / 1000)} s: ${name} ${why}`;
        unexpectedExits.push(line);
        console.error(`chaos: ${name} ${why}; starting it again`);
      },
    });
    run.stackStartS = round1(now() / 1000);
    console.log(`chaos: the stack is up in ${run.stackStartS} s`);
    const s = stack;
    const gatewayBase = `http://127.0.0.1:${s.portOf('gateway')}`;
    const month = benchMonth(new Date(), opts.timeZone);
    run.period = month.period;
    const apis = await benchEndpoints({
      root: opts.root,
      gatewayUrl: `${gatewayBase}/graphql`,
      settlementUrl: `http://127.0.0.1:${s.portOf('settlement')}/graphql`,
    });
    const userIds = await seedUsers(billingApi(gatewayBase, apis.adminToken), opts.users, month);
    console.log(`chaos: ${opts.users} users subscribed to BASIC-30; period ${month.period}`);

    const driver = createIngestDriver({
      gatewayApi: apis.gatewayApi,
      runTag: randomBytes(4).toString('hex'),
      userIds,
      month,
      rate: opts.rate,
      batch: opts.batch,
      inFlight: opts.inFlight,
      duplicateShare: 0.01,
      invalidPerBatch: 1,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      timeline,
    });
    const reader = createBillReader({
      gatewayApi: apis.gatewayApi,
      userIds,
      period: month.period,
      readers: opts.readers,
      pauseMs: 100,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      timeline,
    });
    const probes = runProbes(
      [
        ...apiProbes({
          gatewayApi: apis.gatewayApi,
          userId: userIds[0]!,
          period: month.period,
          usageId: () => driver.anyAccepted(),
          timeoutMs: PROBE_TIMEOUT_MS,
        }),
        ...readyProbes(
          Object.fromEntries(READY.map((n) => [n, s.portOf(n)])),
          s.connectUrl,
          s.backup.connectorName,
        ),
      ],
      timeline,
      PROBE_INTERVAL_MS,
      PROBE_TIMEOUT_MS,
    );
    const allPaths = [...new Set([...API_PATHS, ...probes.paths])];

    const cpu = measureCpu(() => s.cpuSeconds(), cpus().length);
    const loadFrom = now();
    driver.start();
    reader.start();
    let current = 'warm-up';
    const progress = setInterval(() => {
      const t = now();
      const d = driver.report();
      const r = reader.report();
      const down = allPaths.filter((p) => timeline.outcomes(p).at(-1)?.ok === false);
      console.log(
        `chaos: ${Math.round((t - loadFrom) / 1000)} s [${current}] ingest ${driver.rate(t - 15_000, t)} rec/s, ` +
          `${d.acceptedRecords.toLocaleString('en-US')} accepted, ${d.requestsFailed} failed calls; ` +
          `bill reads ${r.reads} (${r.failed} failed)${down.length ? `; not answering: ${down.join(', ')}` : ''}`,
      );
    }, 10_000);

    const placed: Placed[] = [];
    const poison = async () => {
      const got = await injectPoison(s.kafkaBrokers, DEFAULT_TOPICS.usage, userIds[1]!, POISON);
      placed.push(...got);
      console.log(
        `chaos: put ${got.length} messages no consumer can process on ${DEFAULT_TOPICS.usage}`,
      );
    };

    try {
      await sleep(opts.warmupSeconds * 1000);
      run.load.warmUpRecordsPerSecond = driver.rate(loadFrom, now());
      await poison();
      for (const [i, name] of opts.faults.entries()) {
        current = `${name} ${i + 1}/${opts.faults.length}`;
        const window = log.startWindow();
        const exitsBefore = unexpectedExits.length;
        const steps = await injectFault(name as FaultName, s, now, opts.freezeSeconds);
        // Every path must have answered after the process is back, the last answer a success.
        const deadline = now() + opts.recoverySeconds * 1000;
        let recovered = false;
        while (now() < deadline) {
          if (allPaths.every((p) => timeline.latestSince(p, steps.backAt)?.ok)) {
            recovered = true;
            break;
          }
          await sleep(250);
        }
        if (!recovered)
          fail(
            `${name}: not every path answered within ${opts.recoverySeconds} s of the process being back`,
          );
        await sleep(opts.quietSeconds * 1000);
        if (name === 'restart-kafka') await poison();
        const end = now();
        const paths: Record<string, PathWindow> = {};
        for (const p of allPaths)
          paths[p] = pathWindow(timeline.outcomes(p), steps.injectedAt, end);
        const every = slowest(paths);
        const api = slowest(Object.fromEntries(API_PATHS.map((p) => [p, paths[p]!])));
        const counts = window();
        const result: FaultResult = {
          name,
          what: steps.what,
          atS: round1((steps.injectedAt - loadFrom) / 1000),
          processBackAfterS: round1((steps.backAt - steps.injectedAt) / 1000),
          everyPathAnswersAfterS: every.seconds,
          slowestPath: every.path,
          apiAnswersAfterS: api.seconds,
          recovered,
          windowS: round1((end - steps.injectedAt) / 1000),
          recordsPerSecond: driver.rate(steps.injectedAt, end),
          paths,
          unexpectedExits: unexpectedExits.slice(exitsBefore),
          log: {
            errors: counts.errors,
            warnings: counts.warnings,
            signs: counts.signs,
            examples: counts.examples,
          },
          steps,
        };
        run.faults.push(result);
        console.log(`chaos: ${faultLine(result)}`);
      }
      current = 'steady';
      const remaining = opts.minLoadSeconds * 1000 - (now() - loadFrom);
      if (remaining > 0) await sleep(remaining);
    } finally {
      current = 'draining';
      const stopAt = now();
      await Promise.all([driver.stop(DRAIN_GRACE_MS), reader.stop()]);
      await probes.stop();
      clearInterval(progress);
      const loadS = (stopAt - loadFrom) / 1000;
      const d = driver.report();
      run.load = {
        ...run.load,
        seconds: round1(loadS),
        offeredRate: opts.rate,
        recordsPerSecond: driver.rate(loadFrom, stopAt),
        itemsPerSecond: Math.round(d.items / loadS),
        ingest: d,
        billReads: reader.report(),
      };
      run.cpu = cpu();
      run.rss = s.rss();
      console.log(
        `chaos: load stopped after ${round1(loadS)} s: ${d.acceptedRecords.toLocaleString('en-US')} records accepted ` +
          `(${run.load.recordsPerSecond as number} new rec/s of ${opts.rate} offered), ${d.requests} calls, ${d.requestsFailed} failed`,
      );
    }

    const d = driver.report();
    if (d.unansweredBatches > 0)
      fail(`${d.unansweredBatches} batches never answered (e.g. ${d.unansweredIds[0]})`);
    if (d.unexpectedOutcomes > 0)
      fail(`${d.unexpectedOutcomes} unexpected answers, e.g. ${d.unexpected[0]}`);
    const reads = reader.report();
    if (reads.wentBackwards > 0)
      fail(`${reads.wentBackwards} bill reads went backwards, e.g. ${reads.backwards[0]}`);

    console.log('chaos: waiting for the outbox and settlement to catch up');
    run.checks.settled = await waitSettled({
      usageLiveUrl: `http://127.0.0.1:${s.portOf('usage')}/health/live`,
      brokers: s.kafkaBrokers,
      usageTopic: DEFAULT_TOPICS.usage,
      stallMs: 300_000,
    });
    const accepted = driver.accepted();
    const bills = await checkBills({
      settlementApi: apis.settlementApi,
      period: month.period,
      reference: referenceBills(accepted.values(), userIds),
      graceMs: 30_000,
    });
    run.checks.bills = bills;
    console.log(
      `chaos: bills: ${bills.matching} of ${bills.users} equal the reference; lost ${bills.lostRecords}, extra ${bills.extraRecords}, wrong totals ${bills.wrongTotals}`,
    );
    if (bills.matching !== bills.users)
      fail(
        `bills differ from the accepted records: lost ${bills.lostRecords}, extra ${bills.extraRecords}, wrong totals ${bills.wrongTotals}; ${bills.mismatches[0]}`,
      );

    const windows = run.faults.map((f) => ({
      name: f.name,
      from: wall0 + f.steps.injectedAt,
      to: wall0 + f.steps.injectedAt + f.windowS * 1000,
    }));
    const topic = await checkTopic(s.kafkaBrokers, DEFAULT_TOPICS.usage, accepted, windows);
    run.checks.topic = topic;
    console.log(
      `chaos: usage topic: ${topic.messages.toLocaleString('en-US')} messages, ${topic.usageIds.toLocaleString('en-US')} usage ids; missing ${topic.missing}, never accepted ${topic.notAccepted}, published again ${topic.republished} ${JSON.stringify(topic.republishedIn)}, two events for one id ${topic.twoEvents} ${JSON.stringify(topic.twoEventsIn)}, other ${topic.otherMessages}`,
    );
    if (topic.missing > 0)
      fail(`${topic.missing} accepted records are not on the usage topic: ${topic.examples[0]}`);
    if (topic.notAccepted > 0)
      fail(`${topic.notAccepted} usage ids on the topic were never accepted`);
    if (topic.twoEvents > 0)
      fail(`${topic.twoEvents} usage ids carried by two different events: ${topic.examples[0]}`);

    const stored = await storeCount(s.mongoUrl);
    run.checks.store = { records: stored, accepted: accepted.size };
    console.log(`chaos: usage store: ${stored} records, ${accepted.size} accepted`);
    if (stored !== accepted.size)
      fail(`the usage store holds ${stored} records, the API accepted ${accepted.size}`);

    const backup = await checkBackup({
      root: opts.root,
      env: { ...s.env, CONNECT_URL: s.connectUrl },
      brokers: s.kafkaBrokers,
      usageTopic: DEFAULT_TOPICS.usage,
      connectorName: s.backup.connectorName,
      graceMs: 120_000,
    });
    run.checks.backup = backup;
    console.log(
      `chaos: backup:verify exit ${backup.exitCode}: ${backup.output.split('\n').at(-1)}`,
    );
    if (!backup.exact) fail(`backup:verify is not exact: ${backup.output.split('\n').at(-1)}`);

    run.checks.poison = placed;
    const letters = {
      settlement: await checkLetters(s.kafkaBrokers, DEFAULT_TOPICS.deadLetter, placed),
      backup: await checkLetters(s.kafkaBrokers, s.backup.deadLetterTopic, placed),
    };
    run.checks.deadLetters = letters;
    for (const l of Object.values(letters)) {
      console.log(
        `chaos: ${l.topic}: ${l.letters} letters; poison missing ${l.missing.length}, unexpected ${l.unexpectedCount}, set aside twice ${l.repeated}`,
      );
      if (l.missing.length > 0) fail(`${l.topic} lacks ${l.missing.join(', ')}`);
      if (l.unexpectedCount > 0)
        fail(
          `${l.topic} holds ${l.unexpectedCount} letters that are no poison: ${l.unexpected[0]}`,
        );
    }
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  } finally {
    run.log = log.total();
    run.finishedAt = new Date().toISOString();
    const file = writeChaosResults(RESULTS_DIR, run);
    await cleanUp();
    console.log(`\nchaos: wrote ${file}`);
    for (const f of run.faults) console.log(faultLine(f));
  }
  if (unexpectedExits.length > 0)
    console.log(`chaos: processes that exited on their own: ${unexpectedExits.join('; ')}`);
  for (const f of run.failures) console.error(`FAILED: ${f}`);
  console.log(
    run.failures.length === 0 ? 'chaos: PASSED' : `chaos: ${run.failures.length} failures`,
  );
  return run.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`chaos: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
