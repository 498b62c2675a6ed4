import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_ROLE_SCOPES } from '@tally/auth';
import { DEFAULT_TOPICS } from '@tally/events';
import { STACK_PORTS } from '@tally/infra';
import { SERVICES } from '@tally/stack';
import { load as loadYaml } from 'js-yaml';
import { BASIC_30, billingApi } from '../e2e/support/billing-api';
import { runCell, type CellResult } from './gateway/cell';
import { staticSupergraph } from './gateway/compose';
import {
  directRead,
  emptySamples,
  gatewayRead,
  MODES,
  OPERATIONS,
  SUBGRAPHS,
  type Mode,
  type ReadContext,
  type Subgraph,
} from './gateway/operations';
import { HELP, readGatewayOptions } from './gateway/options';
import { goals, markdownTables, writeGatewayResults, type GatewayRun } from './gateway/report';
import { startStockGateway, type StockGateway } from './gateway/stock-process';
import { createHttpTransport } from '../supergraph/src/routing/http-transport';
import type { Endpoint } from './scale/graphql';
import { closeFetchConnections } from './scale/graphql';
import { benchEndpoints, signedSubgraphEndpoint, subgraphSecret } from './scale/endpoints';
import { ingest, seedUsers } from './scale/ingest';
import { gitState, machine } from './scale/machine';
import { cpuSecondsOf } from './scale/processes';
import { REPO_ROOT, RESULTS_DIR } from './scale/options';
import { nameProfiles, printProfileTops } from './scale/profiles';
import { settlementProgress, type SettlementProgress } from './scale/settlement-progress';
import { stackLog } from './scale/stack-log';
import { startStack, startStackUntilUp } from './scale/stack-process';
import { benchMonth, expectedTotals } from './scale/workload';

/**
 * `npm run bench:gateway`: the gateway's own cost: the same reads straight to the subgraphs,
 * through Tally's gateway and through a stock @apollo/gateway (see HELP in ./gateway/options).
 * A bench, not a test: it fails only on errors and wrong answers.
 */
const portOf = (name: string) => SERVICES.find((s) => s.name === name)!.port;
const GATEWAY_URL = `http://127.0.0.1:${portOf('gateway')}/graphql`;
const SETTLEMENT_URL = `http://127.0.0.1:${portOf('settlement')}/graphql`;
const REGISTRY_URL = `http://127.0.0.1:${portOf('registry')}`;
const START_ATTEMPTS = 3;
const SETTLE_STALL_MS = 300_000;
/** Starts, then stops and writes, a profile window (cpu-profile-hook.js). */
const PROFILE_SIGNAL = 'SIGUSR2';

/** The gateway's settings for callers' tokens (the local issuer's), as the stack runs it. */
function authSettings(root: string) {
  const file = join(root, 'supergraph/config/default.yml');
  const { auth } = loadYaml(readFileSync(file, 'utf8')) as {
    auth: { issuer: string; audience: string; jwksUrl: string };
  };
  return {
    issuer: process.env.AUTH_ISSUER?.trim() || auth.issuer,
    audience: process.env.AUTH_AUDIENCE?.trim() || auth.audience,
    jwksUrl: process.env.AUTH_JWKS_URL?.trim() || auth.jwksUrl,
  };
}

/** Waits until a process has written its profile window (it does so in its signal handler). */
async function profileWritten(dir: string, pid: number): Promise<void> {
  for (let i = 0; i < 100 && !existsSync(join(dir, `pid-${pid}.cpuprofile`)); i++) await sleep(100);
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const opts = readGatewayOptions(process.env);
  const cli = join(opts.root, 'packages/stack/dist/cli.js');
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: build first (npm run build in ${opts.root})`);
  if (opts.dataDir && existsSync(opts.dataDir) && readdirSync(opts.dataDir).length > 0)
    throw new Error(`BENCH_DATA_DIR ${opts.dataDir} is not empty: the bench needs a fresh stack`);
  const at = new Date();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-bench-'));
  const profileDir = opts.profile
    ? join(RESULTS_DIR, 'profiles', `gateway-${at.toISOString().replace(/[:.]/g, '-')}`)
    : undefined;
  console.log(
    `bench:gateway: ${opts.connections.join(', ')} connections, ${opts.warmupSeconds} + ${opts.seconds} s per cell; stack from ${opts.root}, data in ${dataDir}`,
  );
  const stackOptions = {
    root: opts.root,
    dataDir,
    logFile: join(REPO_ROOT, '.logs', 'bench-gateway-stack.log'),
    log: stackLog(),
    ...(profileDir && { profileDir, profileSignal: PROFILE_SIGNAL as NodeJS.Signals }),
  };
  const running = { stack: startStack(stackOptions) };
  const run: GatewayRun = {
    bench: 'gateway',
    at: at.toISOString(),
    finishedAt: '',
    machine: machine(),
    git: gitState(opts.root),
    root: opts.root,
    config: { ...opts, dataDir },
    period: '',
    setup: { users: opts.users, records: opts.users * opts.recordsPerUser, seconds: 0 },
    subgraphUrls: {},
    stackStartFailures: [],
    cells: [],
    goals: [],
    failures: [],
  };
  let settlement: SettlementProgress | undefined;
  let stock: StockGateway | undefined;
  const names = new Map<number, string>();
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await stock?.stop();
      await settlement?.stop().catch(() => {});
      await closeFetchConnections();
      console.log('bench:gateway: stopping the stack');
      await running.stack.stop();
      if (profileDir) {
        nameProfiles(profileDir, new Map([...running.stack.names(), ...names]), running.stack.pid);
        run.profiles = profileDir;
      }
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`bench:gateway: ${signal}; stopping`);
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
    settlement = settlementProgress(`127.0.0.1:${STACK_PORTS.kafka}`, DEFAULT_TOPICS.usage);
    const publishedBefore = (await settlement.progress()).published;
    const expected = expectedTotals(opts.users);
    const records = run.setup.records;
    await ingest(api, {
      from: 0,
      to: records,
      batch: 1000,
      inFlight: 4,
      runTag: randomBytes(4).toString('hex'),
      userIds,
      month,
      expected,
    });
    await settlement.waitApplied(publishedBefore + records, SETTLE_STALL_MS);
    run.setup.seconds = Math.round((performance.now() - setupStarted) / 100) / 10;
    console.log(
      `bench:gateway: ${opts.users} users, ${records} records of ${month.period} applied in ${run.setup.seconds} s`,
    );

    const supergraph = await staticSupergraph(REGISTRY_URL);
    run.subgraphUrls = supergraph.urls;
    const adminScopes = DEFAULT_ROLE_SCOPES.admin!;
    // The load generator's own calls: keep-alive node:http, light on the shared machine.
    const transport = createHttpTransport();
    const direct = Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [
        subgraph,
        {
          ...signedSubgraphEndpoint({
            root: opts.root,
            subgraph,
            url: supergraph.urls[subgraph]!,
            scopes: adminScopes,
          }),
          transport,
        },
      ]),
    ) as Record<Subgraph, Endpoint>;
    stock = await startStockGateway({
      config: {
        supergraphSdl: supergraph.sdl,
        port: 0,
        secrets: Object.fromEntries(SUBGRAPHS.map((s) => [s, subgraphSecret(opts.root, s)])),
        auth: authSettings(opts.root),
      },
      logFile: join(REPO_ROOT, '.logs', 'bench-gateway-stock.log'),
      ...(profileDir && { profile: { dir: profileDir, signal: PROFILE_SIGNAL } }),
    });
    names.set(stock.pid, 'stock-gateway');
    const tallyPid = running.stack.children().find((p) => p.name === 'gateway')?.pid;
    if (!tallyPid) throw new Error("the stack's gateway process was not found");
    const stockApi: Endpoint = { ...apis.gatewayApi, url: stock.url };
    const gatewayOf: Record<Exclude<Mode, 'direct'>, { api: Endpoint; pid: number }> = {
      tally: { api: { ...apis.gatewayApi, transport }, pid: tallyPid },
      stock: { api: { ...stockApi, transport }, pid: stock.pid },
    };

    const stockPid = stock.pid;
    const stackCpu = () => {
      const used = running.stack.cpuSeconds();
      const stockSeconds = cpuSecondsOf(stockPid);
      if (stockSeconds !== null) used['stock-gateway'] = stockSeconds;
      return used;
    };
    const ctx: ReadContext = { userIds, period: month.period, expected, planId: BASIC_30.id };
    const samples = { current: emptySamples() };
    for (const mode of MODES) {
      const gateway = mode === 'direct' ? undefined : gatewayOf[mode];
      if (profileDir && gateway) process.kill(gateway.pid, PROFILE_SIGNAL);
      for (const operation of OPERATIONS)
        for (const connections of opts.connections) {
          const cell: CellResult = await runCell({
            mode,
            operation,
            connections,
            warmupSeconds: opts.warmupSeconds,
            seconds: opts.seconds,
            users: opts.users,
            read: gateway
              ? gatewayRead(ctx, gateway.api, operation)
              : directRead(ctx, direct, operation, () => samples.current),
            ...(gateway ? { gatewayPid: gateway.pid } : { samples }),
            cpuSeconds: stackCpu,
          });
          run.cells.push(cell);
          if (cell.errors > 0)
            run.failures.push(
              `${operation} via ${mode}, ${connections} connections: ${cell.errors} errors (${cell.wrongAnswers} wrong answers), e.g. ${cell.firstErrors[0]}`,
            );
          const gw = cell.gateway
            ? `; gateway RSS ${cell.gateway.rssMb.max} MB, CPU ${cell.gateway.cpuPercent}%`
            : '';
          console.log(
            `  ${operation} via ${mode}, ${connections} conn: ${cell.readsPerSecond} reads/s, p50 ${cell.p50} p95 ${cell.p95} p99 ${cell.p99} ms, ${cell.errors} errors${gw}`,
          );
          run.goals = goals(run.cells);
          await writeGatewayResults(RESULTS_DIR, run);
        }
      if (profileDir && gateway) {
        process.kill(gateway.pid, PROFILE_SIGNAL);
        await profileWritten(profileDir, gateway.pid);
      }
    }
  } catch (err) {
    run.failures.push(err instanceof Error ? err.message : String(err));
    console.error(`bench:gateway: ${run.failures.at(-1)}`);
    if (running.stack.exitReason())
      console.error(`--- the stack's last lines ---\n${running.stack.recentOutput()}`);
  } finally {
    await cleanUp();
  }
  run.finishedAt = new Date().toISOString();
  if (run.cells.length > 0) {
    const file = await writeGatewayResults(RESULTS_DIR, run);
    console.log(`\n${markdownTables(run)}`);
    console.log(`bench:gateway: wrote ${file}`);
  }
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    printProfileTops(profileDir);
  }
  for (const f of run.failures) console.error(`FAILED: ${f}`);
  return run.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench:gateway: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
