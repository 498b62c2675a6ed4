import { assertPortFree } from './free-port';
import { infraPaths, type InfraMode, type RuntimeName } from './paths';
import { cleanStalePidFiles } from './pid-files';
import { stopPid } from './process-stop';

const WHAT: Record<RuntimeName, { label: string; env: string; graceMs: number }> = {
  kafka: { label: 'Kafka', env: 'KAFKA_BROKERS', graceMs: 10_000 },
  mongo: { label: 'MongoDB', env: 'MONGO_URL', graceMs: 5_000 },
  connect: { label: 'Kafka Connect', env: 'CONNECT_URL', graceMs: 10_000 },
};

/**
 * Before starting a server: stop what a crashed earlier run of this mode left behind (see
 * staleAction), then make sure the fixed ports it wants are free.
 */
export async function preflight(
  rootDir: string,
  mode: InfraMode,
  name: RuntimeName,
  fixedPorts: Array<number | undefined>,
): Promise<void> {
  const { label, env, graceMs } = WHAT[name];
  const pids = infraPaths(rootDir).pids;
  await cleanStalePidFiles(pids, mode, name, (pid) => stopPid(pid, graceMs));
  for (const port of fixedPorts) {
    if (port !== undefined) await assertPortFree(port, label, env);
  }
}
