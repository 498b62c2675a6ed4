import { kafkaSettings, mongoSettings } from './common-schema';

describe('store and broker credentials', () => {
  it('are optional: a local broker and store take none', () => {
    const kafka = kafkaSettings.parse({ brokers: '127.0.0.1:9092' });
    expect(kafka.ssl).toBe(false);
    expect(kafka.sasl).toEqual({ mechanism: undefined, username: undefined, password: undefined });
    const mongo = mongoSettings.parse({ url: 'mongodb://db', database: 'x', password: '' });
    expect(mongo.password).toBeUndefined();
  });

  it('take SASL/SCRAM over TLS, from strings as the environment gives them', () => {
    const kafka = kafkaSettings.parse({
      brokers: 'b1:9093,b2:9093',
      ssl: 'true',
      sasl: { mechanism: 'scram-sha-512', username: 'tally', password: 'pw' },
    });
    expect(kafka.ssl).toBe(true);
    expect(kafka.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'tally', password: 'pw' });
  });

  it('refuse a SASL mechanism without a username and password', () => {
    const parsed = kafkaSettings.safeParse({
      brokers: 'b1:9093',
      sasl: { mechanism: 'scram-sha-256', username: 'tally' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/needs a username and a password/);
  });
});
