import { waitUntil } from './wait-until';

describe('waitUntil', () => {
  it('returns once the probe succeeds', async () => {
    let calls = 0;
    await waitUntil(
      async () => {
        if (++calls < 3) throw new Error('not yet');
      },
      { deadlineMs: 5000, intervalMs: 1 },
    );
    expect(calls).toBe(3);
  });

  it('gives up at the deadline with the last failure', async () => {
    await expect(
      waitUntil(() => Promise.reject(new Error('connection refused')), {
        deadlineMs: 30,
        intervalMs: 5,
      }),
    ).rejects.toThrow(/not ready after 0 s \(last error: connection refused\)/);
  });

  it('stops as soon as the process is gone', async () => {
    const probe = jest.fn(() => Promise.reject(new Error('no')));
    await expect(
      waitUntil(probe, { deadlineMs: 60_000, intervalMs: 1, gone: () => 'exited with code 1' }),
    ).rejects.toThrow('exited with code 1');
    expect(probe).not.toHaveBeenCalled();
  });
});
