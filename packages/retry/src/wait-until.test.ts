import { errorMessage, WaitTimedOut } from './errors';
import { waitUntil } from './wait-until';

function outcome<T>(p: Promise<T>) {
  const result: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(result, { value, settled: true }),
    (error: unknown) => Object.assign(result, { error, settled: true }),
  );
  return result;
}

describe('waitUntil', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('checks at an even interval and resolves with the first value that is not undefined or false', async () => {
    const answers = [undefined, false, { ready: true }];
    const at: number[] = [];
    const t0 = Date.now();
    const result = outcome(
      waitUntil(
        () => {
          at.push(Date.now() - t0);
          return answers.shift();
        },
        { deadlineMs: 10_000, intervalMs: 250 },
      ),
    );
    await jest.advanceTimersByTimeAsync(500);
    expect(result.value).toEqual({ ready: true });
    expect(at).toEqual([0, 250, 500]);
  });

  it('takes a thrown error as "not yet" and names the last one when it times out', async () => {
    let n = 0;
    const result = outcome(
      waitUntil(
        async () => {
          n++;
          if (n < 3) throw new Error(`refused ${n}`);
          return undefined;
        },
        { deadlineMs: 1000, intervalMs: 300 },
      ),
    );
    await jest.advanceTimersByTimeAsync(2000);
    expect(result.error).toBeInstanceOf(WaitTimedOut);
    expect(result.error).toMatchObject({ checks: 4, waitedMs: 900 });
    expect(((result.error as WaitTimedOut).cause as Error).message).toBe('refused 2');
    expect((result.error as Error).message).toBe(
      'condition not met after 4 check(s) in 900 ms; last error: refused 2',
    );
  });

  it('has no cause when every check just said "not yet"', async () => {
    const result = outcome(waitUntil(() => false, { deadlineMs: 100, intervalMs: 50 }));
    await jest.advanceTimersByTimeAsync(100);
    expect((result.error as WaitTimedOut).cause).toBeUndefined();
  });

  it('fails at once on an error `retryIf` does not accept', async () => {
    const gone = new Error('process exited');
    const check = jest.fn(() => Promise.reject(gone));
    const result = outcome(
      waitUntil(check, { deadlineMs: 60_000, retryIf: (err) => err !== gone }),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(result.error).toBe(gone);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('grows the interval with a factor, up to its cap', async () => {
    const at: number[] = [];
    const t0 = Date.now();
    void outcome(
      waitUntil(
        () => {
          at.push(Date.now() - t0);
          return undefined;
        },
        { deadlineMs: 3000, intervalMs: 50, factor: 2, maxDelayMs: 400 },
      ),
    );
    await jest.advanceTimersByTimeAsync(3000);
    expect(at).toEqual([0, 50, 150, 350, 750, 1150, 1550, 1950, 2350, 2750]);
  });

  it('reports each pause, with no error for a plain "not yet"', async () => {
    const seen: Array<[number, unknown, number]> = [];
    let n = 0;
    const result = outcome(
      waitUntil(
        () => {
          n++;
          if (n === 1) throw new Error('down');
          return n === 3 ? 'up' : undefined;
        },
        { deadlineMs: 1000, intervalMs: 10, onRetry: (c, err, ms) => seen.push([c, err, ms]) },
      ),
    );
    await jest.advanceTimersByTimeAsync(20);
    expect(result.value).toBe('up');
    expect(seen).toEqual([
      [1, new Error('down'), 10],
      [2, undefined, 10],
    ]);
  });

  it('waits without a deadline until its signal aborts', async () => {
    const stop = new AbortController();
    const result = outcome(
      waitUntil(() => undefined, { deadlineMs: Infinity, intervalMs: 1000, signal: stop.signal }),
    );
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(result.settled).toBe(false);
    stop.abort(new Error('stopped'));
    await jest.advanceTimersByTimeAsync(0);
    expect((result.error as Error).message).toBe('stopped');
  });

  it('gives each check its own deadline', async () => {
    let n = 0;
    const result = outcome(
      waitUntil(
        ({ signal }) =>
          ++n === 1
            ? new Promise<string>((_, reject) =>
                signal.addEventListener('abort', () => reject(signal.reason as Error)),
              )
            : 'second answered',
        { deadlineMs: 10_000, intervalMs: 100, attemptTimeoutMs: 2000 },
      ),
    );
    await jest.advanceTimersByTimeAsync(2100);
    expect(result.value).toBe('second answered');
  });
});

describe('errorMessage', () => {
  it("is an error's message, or the thrown value as text", () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ code: 7 })).toBe('{"code":7}');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
