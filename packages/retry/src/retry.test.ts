import { RetriesExhausted } from './errors';
import { retry } from './retry';

/** An operation failing with `failures` in turn, then answering 'done'; it records when it ran. */
function flaky(failures: unknown[]) {
  const calls: number[] = [];
  const start = Date.now();
  const fn = jest.fn(async () => {
    calls.push(Date.now() - start);
    if (calls.length <= failures.length) throw failures[calls.length - 1];
    return 'done';
  });
  return { fn, calls };
}

/** The settled outcome of `p`, read after the fake clock has run. */
function outcome<T>(p: Promise<T>) {
  const result: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(result, { value, settled: true }),
    (error: unknown) => Object.assign(result, { error, settled: true }),
  );
  return result;
}

const never = () => new Promise<never>(() => {});

describe('retry', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('pauses 200 ms doubling by default, reports each retry, and resolves with the first success', async () => {
    const { fn, calls } = flaky([new Error('a'), new Error('b'), new Error('c')]);
    const retries: Array<[number, string, number]> = [];
    const result = outcome(
      retry(fn, { onRetry: (n, err, ms) => retries.push([n, (err as Error).message, ms]) }),
    );
    await jest.advanceTimersByTimeAsync(1400);
    expect(result).toEqual({ value: 'done', settled: true });
    expect(calls).toEqual([0, 200, 600, 1400]);
    expect(retries).toEqual([
      [1, 'a', 200],
      [2, 'b', 400],
      [3, 'c', 800],
    ]);
  });

  it('caps the pause and takes jitter off it', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const { fn, calls } = flaky([1, 2, 3].map((n) => new Error(String(n))));
    const result = outcome(
      retry(fn, { initialDelayMs: 100, factor: 3, maxDelayMs: 500, jitter: 0.2 }),
    );
    await jest.advanceTimersByTimeAsync(2000);
    expect(result.value).toBe('done');
    // 100, 300, then 900 capped to 500; each less 10 %.
    expect(calls).toEqual([0, 90, 360, 810]);
  });

  it('throws a failure that cannot pass as it is, without pausing', async () => {
    const fatal = new Error('refused');
    const { fn } = flaky([new Error('busy'), fatal]);
    const onRetry = jest.fn();
    const result = outcome(
      retry(fn, { retryIf: (err) => err !== fatal, onRetry, initialDelayMs: 10 }),
    );
    await jest.advanceTimersByTimeAsync(10);
    expect(result.error).toBe(fatal);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('gives up after the attempts allowed, with the last failure as the cause', async () => {
    const last = new Error('third');
    const { fn } = flaky([new Error('first'), new Error('second'), last, new Error('unused')]);
    const result = outcome(retry(fn, { attempts: 3, initialDelayMs: 10 }));
    await jest.advanceTimersByTimeAsync(1000);
    expect(result.error).toBeInstanceOf(RetriesExhausted);
    expect(result.error).toMatchObject({ attempts: 3, why: 'attempts', cause: last });
    expect((result.error as Error).message).toBe('gave up after 3 attempt(s): third');
  });

  it('begins no pause that would end past the deadline', async () => {
    const { fn, calls } = flaky(Array.from({ length: 10 }, (_, n) => new Error(`e${n}`)));
    const result = outcome(retry(fn, { deadlineMs: 1000, initialDelayMs: 200 }));
    await jest.advanceTimersByTimeAsync(5000);
    // 0, 200, 600; the next pause (800 ms) would end at 1400.
    expect(calls).toEqual([0, 200, 600]);
    expect(result.error).toMatchObject({ attempts: 3, why: 'deadline' });
  });

  it('fails an attempt at its own deadline, aborts its signal, and tries again', async () => {
    const signals: AbortSignal[] = [];
    let n = 0;
    const result = outcome(
      retry(
        async ({ signal }) => {
          signals.push(signal);
          return ++n < 3 ? never() : 'answered';
        },
        { attemptTimeoutMs: 500, initialDelayMs: 100 },
      ),
    );
    await jest.advanceTimersByTimeAsync(500);
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as Error).name).toBe('TimeoutError');
    await jest.advanceTimersByTimeAsync(1200);
    expect(result.value).toBe('answered');
    expect(signals[2]!.aborted).toBe(false);
  });

  it('gives an attempt no longer than the overall deadline leaves, but at least 100 ms', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    const result = outcome(
      retry(
        async () => {
          started.push(Date.now() - t0);
          return never();
        },
        { attemptTimeoutMs: 5000, deadlineMs: 1250, initialDelayMs: 1100, factor: 1 },
      ),
    );
    await jest.advanceTimersByTimeAsync(10_000);
    // The first attempt times out at 1250 (the deadline); no pause fits after it.
    expect(started).toEqual([0]);
    expect(result.error).toMatchObject({ attempts: 1, why: 'deadline' });
    expect(((result.error as RetriesExhausted).cause as Error).name).toBe('TimeoutError');

    const late = outcome(
      retry(async () => never(), { attemptTimeoutMs: 5000, deadlineMs: 20, attempts: 1 }),
    );
    await jest.advanceTimersByTimeAsync(99);
    expect(late.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(late.settled).toBe(true);
  });

  it('stops at once with the reason when aborted during a pause or an attempt', async () => {
    const stop = new AbortController();
    const { fn } = flaky(Array.from({ length: 10 }, () => new Error('down')));
    const paused = outcome(retry(fn, { signal: stop.signal, initialDelayMs: 1000 }));
    await jest.advanceTimersByTimeAsync(500);
    stop.abort(new Error('shutting down'));
    await jest.advanceTimersByTimeAsync(0);
    expect((paused.error as Error).message).toBe('shutting down');
    expect(fn).toHaveBeenCalledTimes(1);

    const stop2 = new AbortController();
    const busy = outcome(retry(async () => never(), { signal: stop2.signal }));
    stop2.abort(new Error('bye'));
    await jest.advanceTimersByTimeAsync(0);
    expect((busy.error as Error).message).toBe('bye');

    const fn3 = jest.fn(async () => 'x');
    await expect(retry(fn3, { signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow(
      'early',
    );
    expect(fn3).not.toHaveBeenCalled();
  });
});
