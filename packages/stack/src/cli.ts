import { join } from 'node:path';
import { provideInfra } from '@tally/infra';
import {
  applyBackupConnector,
  connectPreflight,
  provideConnect,
  watchConnector,
  type ProvidedConnect,
} from './connect';
import { createPrefixer } from './log-prefixer';
import { SERVICES, closingSummary, entryPath, serviceEnv, type ServiceSpec } from './services';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { apiToken } from '@tally/cli-kit';
import { waitReady } from './wait-ready';

const HELP = `Usage: npm start [-- --help]

Starts the whole Tally stack on this machine: Kafka and MongoDB (unless KAFKA_BROKERS /
MONGO_URL point at existing ones), a Kafka Connect worker (unless CONNECT_URL points at one)
with the usage backup connector, the local token issuer (development only), the config
service, the registry, the three subgraphs, the gateway and the web console, each as its own
process, with one prefixed log stream; once up, it prints an admin token.
Ctrl-C (or SIGTERM) stops everything in reverse order.

Environment: KAFKA_BROKERS, MONGO_URL, CONNECT_URL (use existing servers), BACKUP_DATABASE
(default usage_backup), LOG_LEVEL, BILLING_AUTO_CLOSE (default false here: periods close only
by closePeriod; true closes them on schedule too). Every service gets its settings, tokens
and secrets included, from the config service, with the development values (tally-dev-…).
Data: .data/ (MongoDB's H2 file, Kafka's log dirs, the issuer's key), or TALLY_DATA_DIR when set.
Logs of Kafka/MongoDB/Connect: .logs/.`;

const ROOT = join(__dirname, '..', '..', '..');
const READY_DEADLINE_MS = 120_000;
const ISSUER_PORT = SERVICES.find((s) => s.name === 'issuer')!.port;
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(HELP);
  const started = Date.now();
  const prefix = createPrefixer(10);
  const running: Array<{ spec: ServiceSpec; proc: ServiceProcess }> = [];
  let stopping: Promise<void> | null = null;

  await connectPreflight(ROOT, process.env);
  const infra = await provideInfra({ mode: 'stack', rootDir: ROOT });
  let connect: ProvidedConnect | undefined;
  let unwatchBackup = () => {};
  const stopAll = (code: number) => {
    stopping ??= (async () => {
      console.log('stack: stopping…');
      for (const wave of [...new Set(running.map((r) => r.spec.wave))].sort((a, b) => b - a)) {
        await Promise.all(
          running.filter((r) => r.spec.wave === wave).map((r) => r.proc.stop(STOP_GRACE_MS)),
        );
      }
      unwatchBackup();
      await connect?.stop();
      await infra.stop();
      console.log(`stack: stopped`);
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  /** Reports a failure, stops the stack (exit 1); never resolves. */
  const fail = (what: string) => (err: unknown) => {
    console.error(`stack: ${what}${err instanceof Error ? err.message : String(err)}`);
    stopAll(1);
    return new Promise<never>(() => {});
  };
  // Connect needs only Kafka: it starts while the services do.
  const connectReady = provideConnect(ROOT, infra.kafkaBrokers, process.env).then((c) => {
    connect = c;
    return c;
  }, fail(''));

  const env = {
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGO_URL: infra.mongoUrl,
    CONFIG_SERVICE_URL: `http://127.0.0.1:${SERVICES[0]!.port}`,
  };
  for (const wave of [...new Set(SERVICES.map((s) => s.wave))]) {
    const specs = SERVICES.filter((s) => s.wave === wave);
    await Promise.all(
      specs.map(async (spec) => {
        const proc = startServiceProcess(entryPath(ROOT, spec), serviceEnv(env, spec), (why) => {
          console.error(`stack: ${spec.name} ${why}; stopping the stack`);
          stopAll(1);
        });
        running.push({ spec, proc });
        prefix(spec.name, proc.child.stdout!);
        prefix(spec.name, proc.child.stderr!, process.stderr);
        await waitReady(
          `http://127.0.0.1:${spec.port}/health/ready`,
          READY_DEADLINE_MS,
          proc.exitReason,
        );
      }),
    ).catch(fail('')); // a service that never got ready: stop what did start, in order
  }
  const { url: connectUrl } = await connectReady;
  const backup = await applyBackupConnector(connectUrl, infra.mongoUrl, process.env).catch(
    fail('usage backup: '),
  );
  unwatchBackup = watchConnector(connectUrl, backup.name);
  const admin = await apiToken('admin', { issuerUrl: `http://127.0.0.1:${ISSUER_PORT}` }).catch(
    fail(''),
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nTally is up in ${secs} s:
  web console   http://127.0.0.1:3000 (operations: /#/operations, admin)
  GraphQL API   http://127.0.0.1:4000/graphql (open it in a browser for the playground)
  user          http://127.0.0.1:4001/graphql
  usage         http://127.0.0.1:4002/graphql
  settlement    http://127.0.0.1:4003/graphql
  registry      http://127.0.0.1:4100/v1/subgraphs (Bearer tally-dev-registry-admin)
  config        http://127.0.0.1:4200/v1/config/{service}/{profile} (Bearer tally-dev-config-{service})
  Kafka         ${infra.kafkaBrokers}
  MongoDB       ${infra.mongoUrl}
  Kafka Connect ${connectUrl}
  usage backup  ${backup.name} RUNNING (${backup.tasks} task, ${backup.action}): ${backup.topic} → ${backup.target}
  token issuer  http://127.0.0.1:${ISSUER_PORT} (development only)
  billing       ${closingSummary(process.env)}
  metrics       GET /metrics on every service above (Prometheus text; open in development)
  traces        ${tracesSummary(process.env)}

An admin token (24 h; another: npm run -s token -- --role <admin|agent|mediation|subscriber>):
  ${admin}
Send it as "Authorization: Bearer <token>"; the console signs in on its own page.
Press Ctrl-C to stop.\n`);
}

/** Where the services send traces (README, "Traces"): @tally/telemetry reads the same variables. */
function tracesSummary(env: NodeJS.ProcessEnv): string {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return endpoint
    ? `OTLP to ${endpoint}`
    : 'off (OTEL_EXPORTER_OTLP_ENDPOINT=<collector> npm start turns them on)';
}

main().catch((err: unknown) => {
  console.error(`stack: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
