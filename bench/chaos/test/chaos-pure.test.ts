import { referenceBills } from '../checks';
import { errorCode } from '../error-code';
import { pathWindow, slowest, type Outcome } from '../timeline';

const ok = (at: number): Outcome => ({ at, ok: true });
const bad = (at: number, code = 'UNAVAILABLE'): Outcome => ({ at, ok: false, code });

describe('pathWindow', () => {
  it('counts failures per code and the seconds until the path answered for good', () => {
    const w = pathWindow(
      [
        ok(500),
        bad(1000),
        bad(1500, 'TIMEOUT'),
        ok(2000),
        bad(2500),
        ok(4200),
        ok(9000),
        bad(12_000),
      ],
      1000,
      10_000,
    );
    expect(w).toEqual({
      requests: 6,
      failed: 3,
      codes: { UNAVAILABLE: 2, TIMEOUT: 1 },
      answersAgainAfterS: 3.2,
      failingForS: 1.5,
    });
  });

  it('is 0 when nothing failed, null when the path never answered again', () => {
    expect(pathWindow([ok(1000), ok(2000)], 0, 5000).answersAgainAfterS).toBe(0);
    expect(pathWindow([ok(1000), bad(2000)], 0, 5000).answersAgainAfterS).toBeNull();
  });
});

describe('slowest', () => {
  const w = (answersAgainAfterS: number | null) => ({
    requests: 1,
    failed: 1,
    codes: {},
    answersAgainAfterS,
    failingForS: 0,
  });
  it('names the last path to answer, or the one that never did', () => {
    expect(slowest({ a: w(1), b: w(4.5), c: w(0) })).toEqual({ path: 'b', seconds: 4.5 });
    expect(slowest({ a: w(1), b: w(null) })).toEqual({ path: 'b', seconds: null });
    expect(slowest({ a: w(0) })).toEqual({ path: null, seconds: 0 });
  });
});

describe('errorCode', () => {
  it('names GraphQL codes, HTTP answers, socket errors and timeouts', () => {
    expect(errorCode(new Error('UNAVAILABLE: no live instance of settlement'))).toBe('UNAVAILABLE');
    expect(errorCode(new Error('HTTP 502: <html>'))).toBe('HTTP_502');
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(errorCode(refused)).toBe('ECONNREFUSED');
    expect(errorCode(new DOMException('timed out', 'TimeoutError'))).toBe('TIMEOUT');
    expect(errorCode('what')).toBe('ERROR');
  });
});

describe('referenceBills', () => {
  it('adds each accepted record to its user once', () => {
    const ref = referenceBills(
      [
        { id: 'a', userId: 'u1', type: 'DATA', amount: 5, occurredAt: '' },
        { id: 'b', userId: 'u1', type: 'VOICE', amount: 30, occurredAt: '' },
        { id: 'c', userId: 'u2', type: 'SMS', amount: 1, occurredAt: '' },
      ],
      ['u1', 'u2', 'u3'],
    );
    expect(ref.get('u1')).toEqual({ records: 2, dataMb: 5, voiceSeconds: 30, smsCount: 0 });
    expect(ref.get('u2')).toEqual({ records: 1, dataMb: 0, voiceSeconds: 0, smsCount: 1 });
    expect(ref.get('u3')).toEqual({ records: 0, dataMb: 0, voiceSeconds: 0, smsCount: 0 });
  });
});
