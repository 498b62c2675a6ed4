import { join } from 'node:path';
import { freePort } from '@tally/infra';
import { startServiceProcess, waitReady, type ServiceProcess } from '@tally/stack';

const ENTRY = join(__dirname, '..', '..', 'web', 'dist', 'server', 'main.js');

/** The built web console (web/dist) served on a free port, its /graphql proxied to `gatewayUrl`. */
export async function startWebConsole(
  gatewayUrl: string,
): Promise<{ url: string; proc: ServiceProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const proc = startServiceProcess(
    ENTRY,
    { ...process.env, PORT: String(port), GATEWAY_URL: gatewayUrl, LOG_LEVEL: 'warn' },
    (why) => output.push(`web ${why}`),
  );
  proc.child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  await waitReady(`${url}/health/ready`, 30_000, proc.exitReason).catch((err: Error) => {
    throw new Error(`the web console did not start: ${err.message}\n${output.join('')}`);
  });
  return { url, proc };
}
