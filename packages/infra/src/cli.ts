import { join } from 'node:path';
import { provideInfra } from './provide-infra';

const HELP = `Usage: npm run infra [-- up | --help]

up (the default): starts Kafka on 127.0.0.1:9092 and MongoDB on 127.0.0.1:27017 as the
stack uses them (data in .data/, logs in .logs/) and keeps them running until Ctrl-C.
With KAFKA_BROKERS / MONGO_URL set, that server is used and not started.
The first run fetches the jars from Maven Central into infra/.cache/ (needs java and mvn).`;

const ROOT = join(__dirname, '..', '..', '..');

async function up(): Promise<void> {
  const infra = await provideInfra({ mode: 'stack', rootDir: ROOT });
  console.log(`infra: KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}`);
  console.log('infra: press Ctrl-C to stop');
  const stop = () => {
    console.log('infra: stopping…');
    infra.stop().then(
      () => {
        console.log('infra: stopped');
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`infra: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function main(argv: string[]): Promise<void> {
  const [command = 'up'] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return Promise.resolve();
  }
  if (command === 'up') return up();
  console.error(`infra: unknown command ${command}\n\n${HELP}`);
  process.exit(2);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`infra: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
