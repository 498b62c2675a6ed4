import { isAbsolute, resolve } from 'node:path';
import { REPO_ROOT } from '../scale/options';
import { FAULT_NAMES } from './faults';

export const HELP = `Usage: npm run chaos [-- --help]
       npx tsx bench/chaos.ts [--help]

Chaos run on the stack as \`npm start\` composes it (Kafka, the Mongo-wire server with its H2
file, Kafka Connect with the usage backup, config, issuer, registry, user, usage, settlement,
gateway, web; fixed ports, a fresh data folder), each process held by this harness so it can
be killed, frozen or restarted on its own port with its data kept.

It creates users with a plan, then drives steady ingest through the gateway (batches of new
records, repeats of accepted ones, and items the API must refuse: an unknown user, a future
time, a zero amount, an amount over the limit, an id repeated with other content) and bill
reads, and probes every path once a second (each subgraph through the gateway, each
process's /health/ready, the backup connector). Meanwhile, one after another, each fault
below; after each, it waits until every path answers again, then a few quiet seconds. It
also puts a few messages no consumer can process on the usage topic (twice).

Then it stops the load and checks: every bill (read from settlement) equals a reference
computed from exactly the records the API answered as accepted or duplicate (a request
that failed in transit is sent again with the same ids); every accepted record is on the
usage topic and in the usage store, and nothing else is; \`backup:verify\` is exact; the
dead-letter topics hold exactly the poison. A lost or doubled record, an unexpected answer,
a path that never answers again, or any of those checks failing exits 1.

Per fault it reports the failed requests per path and code and the seconds until each path
answered again. Results: bench/results/chaos.json; the stack's output in
.logs/chaos/services.log, the JVMs' in .logs/chaos/<name>[.<n>].log.

Faults (CHAOS_FAULTS picks some, in this order):
  ${FAULT_NAMES.join(', ')}

Environment:
  CHAOS_RATE             records/s offered (default 2000; the driver never bursts to catch up)
  CHAOS_BATCH            items per recordUsages call (default 250)
  CHAOS_IN_FLIGHT        ingest calls in flight at most (default 4)
  CHAOS_USERS            users (default 200)
  CHAOS_READERS          bill-reading loops (default 2, 100 ms apart)
  CHAOS_MIN_LOAD_S       the load runs at least this long (default 180)
  CHAOS_WARMUP_S         load before the first fault (default 30)
  CHAOS_QUIET_S          load after a fault once every path answers (default 15)
  CHAOS_FREEZE_S         how long a subgraph stays SIGSTOPped (default 45; the lease is 30)
  CHAOS_RECOVERY_S       a fault whose paths do not all answer within this fails (default 180)
  CHAOS_FAULTS           comma-separated subset of the faults above (default all)
  CHAOS_KEEP_DATA=1      keep the data folder
  BENCH_ROOT             the tree whose built dist/ runs (default this repository)
  BILLING_TIME_ZONE      passed on to the stack, as every variable (default Asia/Seoul)`;

export interface ChaosOptions {
  rate: number;
  batch: number;
  inFlight: number;
  users: number;
  readers: number;
  minLoadSeconds: number;
  warmupSeconds: number;
  quietSeconds: number;
  freezeSeconds: number;
  recoverySeconds: number;
  faults: string[];
  keepData: boolean;
  root: string;
  timeZone: string;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: a positive number, not "${raw}"`);
  return n;
}

export function readChaosOptions(env: NodeJS.ProcessEnv): ChaosOptions {
  const root = env.BENCH_ROOT?.trim();
  const faults = env.CHAOS_FAULTS?.trim()
    ? env.CHAOS_FAULTS.split(',').map((f) => f.trim())
    : [...FAULT_NAMES];
  const unknown = faults.filter((f) => !(FAULT_NAMES as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new Error(
      `CHAOS_FAULTS: unknown ${unknown.join(', ')}; known: ${FAULT_NAMES.join(', ')}`,
    );
  const batch = Math.round(positive(env, 'CHAOS_BATCH', 250));
  if (batch > 1000) throw new Error('CHAOS_BATCH: at most 1000 (recordUsages takes 1..1000 items)');
  return {
    rate: positive(env, 'CHAOS_RATE', 2000),
    batch,
    inFlight: Math.round(positive(env, 'CHAOS_IN_FLIGHT', 4)),
    users: Math.round(positive(env, 'CHAOS_USERS', 200)),
    readers: Math.round(positive(env, 'CHAOS_READERS', 2)),
    minLoadSeconds: positive(env, 'CHAOS_MIN_LOAD_S', 180),
    warmupSeconds: positive(env, 'CHAOS_WARMUP_S', 30),
    quietSeconds: positive(env, 'CHAOS_QUIET_S', 15),
    freezeSeconds: positive(env, 'CHAOS_FREEZE_S', 45),
    recoverySeconds: positive(env, 'CHAOS_RECOVERY_S', 180),
    faults: FAULT_NAMES.filter((f) => faults.includes(f)),
    keepData: env.CHAOS_KEEP_DATA === '1',
    root: root ? (isAbsolute(root) ? root : resolve(root)) : REPO_ROOT,
    timeZone: env.BILLING_TIME_ZONE?.trim() || 'Asia/Seoul',
  };
}
