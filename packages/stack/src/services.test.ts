import { SERVICES, closingSummary, serviceEnv } from './services';

const spec = (name: string) => SERVICES.find((s) => s.name === name)!;

describe('stack services', () => {
  it('starts settlement and user closing periods only by closePeriod by default', () => {
    for (const name of ['settlement', 'user'])
      expect(serviceEnv({ PATH: '/bin' }, spec(name))).toEqual({
        PATH: '/bin',
        BILLING_AUTO_CLOSE: 'false',
      });
    expect(closingSummary({})).toMatch(/only by closePeriod/);
  });
  it('keeps BILLING_AUTO_CLOSE set in the environment', () => {
    const env = { BILLING_AUTO_CLOSE: 'true' };
    expect(serviceEnv(env, spec('settlement')).BILLING_AUTO_CLOSE).toBe('true');
    expect(serviceEnv(env, spec('user')).BILLING_AUTO_CLOSE).toBe('true');
    expect(closingSummary(env)).toMatch(/on schedule/);
  });
  it('takes an empty value for unset', () =>
    expect(serviceEnv({ BILLING_AUTO_CLOSE: '' }, spec('settlement')).BILLING_AUTO_CLOSE).toBe(
      'false',
    ));
  it('leaves the other services as the environment says', () =>
    expect(serviceEnv({ PATH: '/bin' }, spec('gateway'))).toEqual({ PATH: '/bin' }));
});
