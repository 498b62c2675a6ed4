import { join } from 'node:path';
// First, so that infra and the workspace packages it imports load from their sources, never
// from a dist/ that may be stale or not built yet. This file is jest-only (not built).
import { stopResolvingToSources } from './workspace-sources';
import { provideInfra } from '../../infra/src';
import { INFRA_HANDLE, type InfraHolder } from './infra-handle';

stopResolvingToSources();

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Once per jest run of the `int` project: real Kafka and MongoDB (or the ones KAFKA_BROKERS /
 * MONGO_URL name), announced to the test workers through the environment they inherit. The
 * JVMs watch this process and exit if jest dies without running the teardown.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await provideInfra({
    mode: 'test',
    rootDir: ROOT,
    log: (line) => console.log(line),
  });
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.MONGO_URL = infra.mongoUrl;
  (globalThis as InfraHolder)[INFRA_HANDLE] = infra;
}
