import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_ROLE_SCOPES } from '@tally/auth';
import { load as loadYaml } from 'js-yaml';
import { BASIC_30 } from '../e2e/support/billing-api';
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
import { startStockGateway } from './gateway/stock-process';
import { createHttpTransport } from '../supergraph/src/routing/http-transport';
import type { Endpoint } from './scale/graphql';
import { signedSubgraphEndpoint, subgraphSecret } from './scale/endpoints';
import { portOf, runStackBench } from './scale/harness';
import { ingest } from './scale/ingest';
import { cpuSecondsOf } from './scale/processes';
import { REPO_ROOT, RESULTS_DIR } from './scale/options';
import { expectedTotals } from './scale/workload';

/**
 * `npm run bench:gateway`: the gateway's own cost: the same reads straight to the subgraphs,
 * through Tally's gateway and through a stock @apollo/gateway (see HELP in ./gateway/options).
 * A bench, not a test: it fails only on errors and wrong answers.
 */
const REGISTRY_URL = `http://127.0.0.1:${portOf('registry')}`;
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

runStackBench({
  name: 'gateway',
  help: HELP,
  readOptions: readGatewayOptions,
  profileName: (stamp) => `gateway-${stamp}`,
  profileSignal: PROFILE_SIGNAL,
  intro: (opts) =>
    `${opts.connections.join(', ')} connections, ${opts.warmupSeconds} + ${opts.seconds} s per cell`,
  newRun: (header, opts): GatewayRun => ({
    ...header,
    setup: { users: opts.users, records: opts.users * opts.recordsPerUser, seconds: 0 },
    subgraphUrls: {},
    stackStartFailures: [],
    cells: [],
    goals: [],
    failures: [],
  }),
  async measure(ctx) {
    const { opts, run, stack, profileDir, month, setupStarted, apis, api, userIds, names } = ctx;
    const settlement = ctx.watchSettlement();
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
    const stock = await startStockGateway({
      config: {
        supergraphSdl: supergraph.sdl,
        port: 0,
        secrets: Object.fromEntries(SUBGRAPHS.map((s) => [s, subgraphSecret(opts.root, s)])),
        auth: authSettings(opts.root),
      },
      logFile: join(REPO_ROOT, '.logs', 'bench-gateway-stock.log'),
      ...(profileDir && { profile: { dir: profileDir, signal: PROFILE_SIGNAL } }),
    });
    ctx.atCleanUp(() => stock.stop());
    names.set(stock.pid, 'stock-gateway');
    const tallyPid = stack.children().find((p) => p.name === 'gateway')?.pid;
    if (!tallyPid) throw new Error("the stack's gateway process was not found");
    const stockApi: Endpoint = { ...apis.gatewayApi, url: stock.url };
    const gatewayOf: Record<Exclude<Mode, 'direct'>, { api: Endpoint; pid: number }> = {
      tally: { api: { ...apis.gatewayApi, transport }, pid: tallyPid },
      stock: { api: { ...stockApi, transport }, pid: stock.pid },
    };

    const stackCpu = () => {
      const used = stack.cpuSeconds();
      const stockSeconds = cpuSecondsOf(stock.pid);
      if (stockSeconds !== null) used['stock-gateway'] = stockSeconds;
      return used;
    };
    const readCtx: ReadContext = { userIds, period: month.period, expected, planId: BASIC_30.id };
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
              ? gatewayRead(readCtx, gateway.api, operation)
              : directRead(readCtx, direct, operation, () => samples.current),
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
  },
  async report(run) {
    if (run.cells.length === 0) return;
    const file = await writeGatewayResults(RESULTS_DIR, run);
    console.log(`\n${markdownTables(run)}`);
    console.log(`bench:gateway: wrote ${file}`);
  },
});
