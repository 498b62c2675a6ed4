import { createServer, type Server } from 'node:net';
import { assertPortFree, freePort, isPortFree } from './free-port';

describe('ports', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  it('hands out a port nothing listens on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
  });

  it('names a taken port and the variable that avoids starting a server', async () => {
    const port = await freePort();
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    expect(await isPortFree(port)).toBe(false);
    await expect(assertPortFree(port, 'Kafka', 'KAFKA_BROKERS')).rejects.toThrow(
      `port ${port} (Kafka) is already in use by another process — stop it, or set KAFKA_BROKERS`,
    );
  });
});
