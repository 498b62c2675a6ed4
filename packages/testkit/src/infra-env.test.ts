import { kafkaBrokers, mongoUrlFor } from './infra-env';
import { uniqueName } from './unique-name';

describe('mongoUrlFor', () => {
  it('puts the database after the hosts, keeping options', () => {
    expect(mongoUrlFor('t1', 'mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017/t1');
    expect(mongoUrlFor('t1', 'mongodb://127.0.0.1:27017/')).toBe('mongodb://127.0.0.1:27017/t1');
    expect(mongoUrlFor('t1', 'mongodb://u:p@a:1,b:2/admin?replicaSet=rs')).toBe(
      'mongodb://u:p@a:1,b:2/t1?replicaSet=rs',
    );
  });
});

describe('kafkaBrokers', () => {
  const saved = process.env.KAFKA_BROKERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.KAFKA_BROKERS;
    else process.env.KAFKA_BROKERS = saved;
  });

  it('splits KAFKA_BROKERS', () => {
    process.env.KAFKA_BROKERS = '127.0.0.1:1, 127.0.0.1:2';
    expect(kafkaBrokers()).toEqual(['127.0.0.1:1', '127.0.0.1:2']);
  });

  it('says how to get one when the global setup did not run', () => {
    delete process.env.KAFKA_BROKERS;
    expect(() => kafkaBrokers()).toThrow(
      /KAFKA_BROKERS is not set: run the test through jest's "int" project/,
    );
  });
});

describe('uniqueName', () => {
  it('is unique and safe for database and topic names', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('usage.v1/test it')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^usage-v1-test-it-[a-z0-9]+-[0-9a-f]{8}$/);
  });
});
