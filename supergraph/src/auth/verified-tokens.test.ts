import { ANONYMOUS, type Identity } from '@tally/auth';
import { rememberVerified, type Verifier } from './verified-tokens';

const admin: Identity = { authenticated: true, subject: 'ops', scopes: new Set(['users:read']) };

/** An unsigned token shaped like a JWT, expiring at `exp` (seconds). */
const bearer = (sub: string, exp?: number) => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `Bearer ${part({ alg: 'ES256' })}.${part({ sub, ...(exp !== undefined && { exp }) })}.sig`;
};

describe('remembered verifications', () => {
  let clock = 0;
  let calls: Array<string | undefined> = [];
  const answers = new Map<string, { identity: Identity; problem?: string }>();
  const inner: Verifier = {
    verify: async (authorization) => {
      calls.push(authorization);
      return answers.get(authorization ?? '') ?? { identity: ANONYMOUS, problem: 'bad signature' };
    },
  };
  const remembering = (maxCached?: number) =>
    rememberVerified(inner, { now: () => clock, maxAgeMs: 60_000, maxCached });
  beforeEach(() => {
    clock = 1_000_000_000;
    calls = [];
    answers.clear();
  });

  it('checks a verified token once, then answers from memory for a minute', async () => {
    const token = bearer('ops', clock / 1000 + 3600);
    answers.set(token, { identity: admin });
    const v = remembering();
    expect(await v.verify(token)).toEqual({ identity: admin });
    clock += 59_999;
    expect(await v.verify(token)).toEqual({ identity: admin });
    expect(calls).toHaveLength(1);
    clock += 1;
    await v.verify(token);
    expect(calls).toHaveLength(2);
  });

  it('never remembers a token past its exp', async () => {
    const token = bearer('ops', clock / 1000 + 10);
    answers.set(token, { identity: admin });
    const v = remembering();
    await v.verify(token);
    clock += 9_999;
    await v.verify(token);
    expect(calls).toHaveLength(1);
    clock += 1;
    answers.set(token, { identity: ANONYMOUS, problem: 'token expired' });
    expect(await v.verify(token)).toEqual({ identity: ANONYMOUS, problem: 'token expired' });
    expect(calls).toHaveLength(2);
  });

  it('checks refused tokens and requests without one every time', async () => {
    const v = remembering();
    const bad = bearer('mallory', clock / 1000 + 3600);
    expect((await v.verify(bad)).problem).toBe('bad signature');
    expect((await v.verify(bad)).problem).toBe('bad signature');
    await v.verify(undefined);
    await v.verify(undefined);
    expect(calls).toEqual([bad, bad, undefined, undefined]);
  });

  it('keeps at most maxCached tokens, forgetting the oldest verified', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((s) => bearer(s, clock / 1000 + 3600)) as [
      string,
      string,
      string,
    ];
    for (const t of [a, b, c]) answers.set(t, { identity: admin });
    const v = remembering(2);
    await v.verify(a);
    await v.verify(b);
    await v.verify(c); // a goes
    await v.verify(b);
    await v.verify(a);
    expect(calls).toEqual([a, b, c, a]);
  });
});
