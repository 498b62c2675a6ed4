import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provideInfra } from './provide-infra';

describe('provideInfra', () => {
  it('uses KAFKA_BROKERS and MONGO_URL as they are and starts nothing', async () => {
    // An empty root: had it tried to fetch jars or start a server, it would have failed.
    const rootDir = mkdtempSync(join(tmpdir(), 'tally-root-'));
    const lines: string[] = [];
    try {
      const infra = await provideInfra({
        mode: 'test',
        rootDir,
        log: (line) => lines.push(line),
        env: { KAFKA_BROKERS: 'kafka.example:9092', MONGO_URL: 'mongodb://mongo.example:27017' },
      });
      expect(infra.kafkaBrokers).toBe('kafka.example:9092');
      expect(infra.mongoUrl).toBe('mongodb://mongo.example:27017');
      await infra.stop();
      expect(lines).toEqual([
        'infra: using Kafka at kafka.example:9092 (KAFKA_BROKERS)',
        'infra: using MongoDB at mongodb://mongo.example:27017 (MONGO_URL)',
      ]);
      expect(readdirSync(rootDir)).toEqual([]);
      expect(existsSync(join(rootDir, '.data'))).toBe(false);
    } finally {
      rmSync(rootDir, { recursive: true, force: true });
    }
  });
});
