import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@tally/infra';
import { startServiceProcess, waitReady, type ServiceProcess } from '@tally/stack';

const ROOT = join(__dirname, '..', '..');
const ENTRY = {
  registry: 'registry-service/dist/main.js',
  user: 'subgraphs/user/dist/main.js',
  usage: 'subgraphs/usage/dist/main.js',
  settlement: 'subgraphs/settlement/dist/main.js',
  gateway: 'supergraph/dist/main.js',
} as const;
export type ServiceName = keyof typeof ENTRY;

export interface RunningService {
  name: ServiceName;
  url: string;
  proc: ServiceProcess;
}

/**
 * A whole Tally stack as real processes (the built dist/), on free ports, with its own
 * databases and topics, over the run's shared Kafka and MongoDB. One per test file.
 */
export function createTestStack(opts: { env?: Record<string, string> } = {}) {
  const tag = randomBytes(4).toString('hex');
  const running: RunningService[] = [];
  const output: string[] = [];
  let registryUrl = '';

  const baseEnv = (): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    REGISTRY_URL: registryUrl,
    REGISTRY_HEARTBEAT_SECONDS: '2',
    REGISTRY_LEASE_SECONDS: '10',
    REGISTRY_SWEEP_SECONDS: '1',
    REGISTRY_POLL_SECONDS: '0.5',
    KAFKA_GROUP_PREFIX: `e2e-${tag}`,
    TOPIC_USERS: `e2e-${tag}.user.events.v1`,
    TOPIC_USAGE: `e2e-${tag}.usage.events.v1`,
    TOPIC_DEAD_LETTER: `e2e-${tag}.dead-letter.v1`,
    CONFIG_SERVICE_URL: '',
    ...opts.env,
  });

  /** Starts one process of `name` and resolves once it answers /health/ready. */
  async function start(
    name: ServiceName,
    env: Record<string, string> = {},
  ): Promise<RunningService> {
    const port = env.PORT ? Number(env.PORT) : await freePort();
    const url = `http://127.0.0.1:${port}`;
    if (name === 'registry') registryUrl = url;
    const proc = startServiceProcess(
      join(ROOT, ENTRY[name]),
      {
        ...baseEnv(),
        PORT: String(port),
        MONGO_DATABASE: `e2e_${tag}_${name}`,
        INSTANCE_ID: `${name}-${port}`,
        ...env,
      },
      (why) => output.push(`${name} ${why}`),
    );
    proc.child.stdout?.on('data', (d: Buffer) => output.push(`${name}: ${d.toString()}`));
    proc.child.stderr?.on('data', (d: Buffer) => output.push(`${name}: ${d.toString()}`));
    const service = { name, url, proc };
    running.push(service);
    await waitReady(`${url}/health/ready`, 60_000, proc.exitReason).catch((err: Error) => {
      throw new Error(
        `${name} did not become ready: ${err.message}\n${output.slice(-20).join('')}`,
      );
    });
    return service;
  }

  return {
    tag,
    start,
    get registryUrl() {
      return registryUrl;
    },
    /** registry, the three subgraphs, then the gateway. */
    async startAll(): Promise<{ gateway: RunningService }> {
      await start('registry');
      await Promise.all([start('user'), start('usage'), start('settlement')]);
      return { gateway: await start('gateway') };
    },
    output: () => output.join(''),
    instances: (name: ServiceName) => running.filter((s) => s.name === name),
    /** Stops every running process of `name` (SIGTERM: they deregister). */
    async stop(name: ServiceName): Promise<void> {
      const mine = running.filter((s) => s.name === name);
      await Promise.all(mine.map((s) => s.proc.stop(5000)));
      mine.forEach((s) => running.splice(running.indexOf(s), 1));
    },
    /** SIGKILLs every process of `name`: no deregistration, no flushing, as in a crash. */
    async kill(name: ServiceName): Promise<void> {
      const mine = running.filter((s) => s.name === name);
      await Promise.all(
        mine.map(
          (s) => new Promise((r) => (s.proc.child.once('exit', r), s.proc.child.kill('SIGKILL'))),
        ),
      );
      mine.forEach((s) => running.splice(running.indexOf(s), 1));
    },
    /** Stops `name` and starts it again on the same port and database. */
    async restart(name: ServiceName): Promise<RunningService> {
      const old = running.find((s) => s.name === name)!;
      await this.stop(name);
      return start(name, { PORT: new URL(old.url).port });
    },
    async stopAll(): Promise<void> {
      await Promise.all(running.reverse().map((s) => s.proc.stop(5000)));
    },
  };
}

export type TestStack = ReturnType<typeof createTestStack>;

/** POSTs a GraphQL operation and returns the parsed body. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T };
}
