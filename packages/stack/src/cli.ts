import { join } from 'node:path';
import { provideInfra } from '@tally/infra';
import { createPrefixer } from './log-prefixer';
import { SERVICES, entryPath, type ServiceSpec } from './services';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { waitReady } from './wait-ready';

const HELP = `Usage: npm start [-- --help]

Starts the whole Tally stack on this machine: Kafka and MongoDB (unless KAFKA_BROKERS /
MONGO_URL point at existing ones), the config service, the registry, the three subgraphs
and the gateway, each as its own process, with one prefixed log stream.
Ctrl-C (or SIGTERM) stops everything in reverse order.

Environment: KAFKA_BROKERS, MONGO_URL (use existing servers), LOG_LEVEL, REGISTRY_TOKEN.
Data: .data/ (MongoDB's H2 file, Kafka's log dirs). Logs of Kafka/MongoDB: .logs/.`;

const ROOT = join(__dirname, '..', '..', '..');
const READY_DEADLINE_MS = 120_000;
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(HELP);
  const started = Date.now();
  const prefix = createPrefixer(10);
  const running: Array<{ spec: ServiceSpec; proc: ServiceProcess }> = [];
  let stopping: Promise<void> | null = null;

  const infra = await provideInfra({ mode: 'stack', rootDir: ROOT });
  const stopAll = (code: number) => {
    stopping ??= (async () => {
      console.log('stack: stopping…');
      for (const wave of [...new Set(running.map((r) => r.spec.wave))].sort((a, b) => b - a)) {
        await Promise.all(
          running.filter((r) => r.spec.wave === wave).map((r) => r.proc.stop(STOP_GRACE_MS)),
        );
      }
      await infra.stop();
      console.log(`stack: stopped`);
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

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
        const proc = startServiceProcess(entryPath(ROOT, spec), env, (why) => {
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
    );
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nTally is up in ${secs} s:
  GraphQL API   http://127.0.0.1:4000/graphql
  user          http://127.0.0.1:4001/graphql
  usage         http://127.0.0.1:4002/graphql
  settlement    http://127.0.0.1:4003/graphql
  registry      http://127.0.0.1:4100/v1/subgraphs
  config        http://127.0.0.1:4200/v1/config/{service}/{profile}
  Kafka         ${infra.kafkaBrokers}
  MongoDB       ${infra.mongoUrl}
Press Ctrl-C to stop.\n`);
}

main().catch((err: unknown) => {
  console.error(`stack: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
