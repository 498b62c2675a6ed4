// A process that starts tracing as a service does, then says what it loaded and, asked to,
// makes traced requests; run by tracing.int.test.ts (through tsx, on the sources).
import { loaded, on } from './probe-start';
import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { stopTracing } from '../src';

/** A root span around a fetch (undici) and a node:http request, each with a secret header. */
async function tracedRequests(secret: string): Promise<void> {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/probe`;
  const headers = { authorization: `Bearer ${secret}` };
  await trace.getTracer('probe').startActiveSpan('probe-root', async (span) => {
    await (await fetch(url, { headers })).text();
    await new Promise<void>((resolve) =>
      http.get(url, { headers }, (res) => void res.resume().on('end', resolve)),
    );
    span.end();
  });
  server.closeAllConnections();
  server.close();
}

async function main(): Promise<void> {
  const secret = process.argv[3];
  if (process.argv[2] === 'request' && secret) await tracedRequests(secret);
  await stopTracing();
  process.stdout.write(`${JSON.stringify({ on, loaded })}\n`);
}

void main();
