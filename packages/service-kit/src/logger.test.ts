import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { redactUrlCredentials } from './settings/redact';

describe('credentials in URLs', () => {
  it('are replaced, wherever in a text they appear', () => {
    expect(
      redactUrlCredentials('failed: mongodb://app:s3cret@db-1:27017,db-2/x and http://a@b'),
    ).toBe('failed: mongodb://app:[redacted]@db-1:27017,db-2/x and http://a@b');
  });

  it('never reach a log line: message, fields or error', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const real = createLogger('test', 'info', sink);
    real.info({ url: 'mongodb://app:s3cret@db:27017' }, 'connecting');
    real.error({ err: new Error('auth failed for kafka://u:p4ss@broker:9092') }, 'broke');
    real.warn('see mongodb://app:s3cret@db:27017');
    const out = lines.join('');
    expect(out).toContain('mongodb://app:[redacted]@db:27017');
    expect(out).not.toMatch(/s3cret|p4ss/);
  });
});
