import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createRegistryClient, RegistrationRefused } from './registry-client';

const logger = pino({ level: 'silent' });

async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A "registry" that accepts every connection and never answers a byte. */
async function silentRegistry() {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => void sockets.push(socket));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => sockets.length,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A registry answering each request with `answer(method, path)`, recording what it was asked. */
async function fakeRegistry(answer: (method: string, path: string) => number) {
  const calls: string[] = [];
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const call = `${req.method} ${req.url}`;
      calls.push(call);
      const status = answer(req.method!, req.url!);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"leaseSeconds":30}' : '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const client = (registryUrl: string, heartbeatSeconds: number, timeoutMs = 5000) =>
  createRegistryClient({
    registryUrl,
    token: 'test-token-123',
    subgraph: 'users',
    instanceId: 'users-1',
    url: 'http://127.0.0.1:1/graphql',
    sdl: 'type Query { a: Int }',
    heartbeatSeconds,
    timeoutMs,
    logger,
  });

describe('the registry client', () => {
  it('is not stalled by a registry that accepts the connection and never answers', async () => {
    const registry = await silentRegistry();
    // Registrations get the whole deadline; heartbeats no more than one interval.
    const registration = client(registry.url, 0.2, 300);
    try {
      await registration.start(); // would never return without a deadline on the call
      await expect(registration.health()).rejects.toThrow(/abort|timeout/i);
      // Each beat gives up on its call in time and tries again on a new connection.
      await until('three attempts', () => registry.connections() >= 3);
    } finally {
      await registration.stop();
      await registry.close();
    }
  });

  it('registers, beats, registers again when the lease is gone, and deregisters on stop', async () => {
    let heartbeats = 0;
    const registry = await fakeRegistry((method, path) =>
      path.endsWith('/heartbeat') && ++heartbeats === 2 ? 404 : method === 'DELETE' ? 204 : 200,
    );
    const registration = client(registry.url, 0.05);
    try {
      await registration.start();
      await until('a second registration and a beat after it', () => heartbeats >= 3);
      await registration.health();
    } finally {
      await registration.stop();
      await registry.close();
    }
    const instance = '/v1/subgraphs/users/instances/users-1';
    expect(registry.calls.slice(0, 5)).toEqual([
      `PUT ${instance}`,
      `PUT ${instance}/heartbeat`,
      `PUT ${instance}/heartbeat`,
      `PUT ${instance}`,
      `PUT ${instance}/heartbeat`,
    ]);
    // Stopping waits for the beat in flight: the deregistration is the last word.
    expect(registry.calls.at(-1)).toBe(`DELETE ${instance}`);
  });

  it.each([401, 403])('takes a %i from the registry as final: start fails', async (status) => {
    const registry = await fakeRegistry(() => status);
    const registration = client(registry.url, 60);
    try {
      await expect(registration.start()).rejects.toThrow(RegistrationRefused);
      expect(registry.calls).toEqual(['PUT /v1/subgraphs/users/instances/users-1']);
    } finally {
      await registration.stop();
      await registry.close();
    }
  });
});
