import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('hides values under secret-looking keys at any depth', () => {
    const out = redactSecrets({
      registry: { url: 'http://r', token: 'abc' },
      db: [{ password: 'p' }],
      apiKey: 'k',
    });
    expect(out).toEqual({
      registry: { url: 'http://r', token: '[redacted]' },
      db: [{ password: '[redacted]' }],
      apiKey: '[redacted]',
    });
  });
});
