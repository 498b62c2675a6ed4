import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, mintToken } from '@tally/auth';
import { freePort } from '@tally/infra';
import { startServiceProcess, waitReady, type ServiceProcess } from '@tally/stack';
import { EXTRA_SECRET } from './extra-subgraph';

const ROOT = join(__dirname, '..', '..');
const ENTRY = {
  issuer: 'packages/dev-issuer/dist/main.js',
  config: 'config-service/dist/main.js',
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
  let issuerUrl = '';
  // The stack's own signing key: the issuer process serves it, tokens are minted from it here.
  const dataDir = join(tmpdir(), `tally-e2e-${tag}`);
  const AUDIENCE = 'tally-api';

  /** A token of `role` (for `subscriber`, naming `user`) from this stack's issuer. */
  async function token(role: string, user?: string): Promise<string> {
    const key = await loadOrCreateSigningKey(join(dataDir, 'auth'));
    return (await mintToken(key, { issuer: issuerUrl, audience: AUDIENCE, role, user })).token;
  }

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
    TOPIC_SETTLEMENT: `e2e-${tag}.settlement.events.v1`,
    // Periods close only by closePeriod: the tests' months (2026-10, 2026-11) stay open as the
    // calendar moves on. e2e/closing-periods.test.ts turns the schedule on where it is tested.
    BILLING_AUTO_CLOSE: 'false',
    TOPIC_DEAD_LETTER: `e2e-${tag}.dead-letter.v1`,
    CONFIG_SERVICE_URL: '',
    TALLY_DATA_DIR: dataDir,
    AUTH_ISSUER: issuerUrl,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_URL: `${issuerUrl}/.well-known/jwks.json`,
    // The gateway also signs calls to the tests' own subgraph `extra` (support/extra-subgraph).
    INTERNAL_SECRETS: `extra=${EXTRA_SECRET}`,
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
    if (name === 'issuer') issuerUrl = url;
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
    token,
    get issuerUrl() {
      return issuerUrl;
    },
    /** The issuer and the registry, the three subgraphs, then the gateway. */
    async startAll(): Promise<{ gateway: RunningService }> {
      await Promise.all([start('issuer'), start('registry')]);
      await Promise.all([start('user'), start('usage'), start('settlement')]);
      const gateway = await start('gateway');
      defaultToken = await token('admin');
      return { gateway };
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
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestStack = ReturnType<typeof createTestStack>;

/** The admin token of this test file's stack, once it started: what `gql` sends by default. */
let defaultToken: string | undefined;

/**
 * POSTs a GraphQL operation and returns the parsed body; signed in as the stack's admin
 * unless `token` says otherwise (`null`: no Authorization header at all).
 */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = defaultToken ?? null,
): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T };
}
