import type { ChaosStack, ServiceName } from './stack';

/** The faults, in the order the run injects them. */
export const FAULT_NAMES = [
  'kill-settlement',
  'kill-usage',
  'kill-user',
  'kill-gateway',
  'kill-registry',
  'kill-config',
  'restart-kafka',
  'restart-mongo',
  'kill-connect',
  'freeze-usage',
  'freeze-settlement',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export interface FaultSteps {
  /** What was done, in words. */
  what: string;
  /** ms on the run's clock: the fault injected (SIGKILL, SIGTERM, SIGSTOP). */
  injectedAt: number;
  /** The process gone (a restart) or thawed (SIGCONT). */
  goneAt?: number;
  /** The process started again and answering (its readiness, or the server's own probe). */
  backAt: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Injects one fault and undoes it (restart, thaw); resolves when the process is back. */
export async function injectFault(
  name: FaultName,
  stack: ChaosStack,
  now: () => number,
  freezeSeconds: number,
): Promise<FaultSteps> {
  const kill = /^kill-(settlement|usage|user|gateway|registry|config)$/.exec(name);
  if (kill) {
    const service = kill[1] as ServiceName;
    const injectedAt = now();
    await stack.kill(service);
    const goneAt = now();
    await stack.start(service);
    return {
      what: `SIGKILL ${service} (pid ${stack.pidOf(service)} now), started again on :${stack.portOf(service)}`,
      injectedAt,
      goneAt,
      backAt: now(),
    };
  }
  const freeze = /^freeze-(usage|settlement)$/.exec(name);
  if (freeze) {
    const service = freeze[1] as ServiceName;
    const injectedAt = now();
    stack.freeze(service);
    await sleep(freezeSeconds * 1000);
    stack.thaw(service);
    const thawedAt = now();
    return {
      what: `SIGSTOP ${service} for ${freezeSeconds} s, then SIGCONT`,
      injectedAt,
      goneAt: thawedAt,
      backAt: thawedAt,
    };
  }
  const injectedAt = now();
  let goneAt = injectedAt;
  const gone = () => void (goneAt = now());
  if (name === 'restart-kafka') {
    await stack.restartKafka(gone);
    return {
      what: 'Kafka broker stopped (SIGTERM, controlled shutdown) and started on its log dirs',
      injectedAt,
      goneAt,
      backAt: now(),
    };
  }
  if (name === 'restart-mongo') {
    await stack.restartMongo(gone);
    return {
      what: 'Mongo-wire server stopped (SIGTERM) and started on its H2 file',
      injectedAt,
      goneAt,
      backAt: now(),
    };
  }
  await stack.killConnect(gone);
  return {
    what: 'SIGKILL the Connect worker; started again, usage-backup connector applied again',
    injectedAt,
    goneAt,
    backAt: now(),
  };
}
