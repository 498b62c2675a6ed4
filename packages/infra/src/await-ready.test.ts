import type { JavaProcess } from './java-process';
import { awaitReady } from './java-process';

/** A process that runs until `exit` is called; `stop` only records that it was asked. */
function fakeProcess() {
  let reason: string | null = null;
  const stop = jest.fn(async () => undefined);
  const proc = { exitReason: () => reason, stop } as unknown as JavaProcess;
  return { proc, stop, exit: (why: string) => (reason = why) };
}

const opts = { what: 'Kafka', logFile: '/nonexistent/kafka.log', intervalMs: 10 };

describe('awaitReady', () => {
  it('returns once the probe succeeds', async () => {
    const { proc, stop } = fakeProcess();
    let calls = 0;
    const probe = async () => {
      if (++calls < 3) throw new Error('not yet');
    };
    await awaitReady(proc, probe, { ...opts, deadlineMs: 5000 });
    expect(calls).toBe(3);
    expect(stop).not.toHaveBeenCalled();
  });

  it('gives up at the deadline with the last failure, and stops the process', async () => {
    const { proc, stop } = fakeProcess();
    await expect(
      awaitReady(proc, () => Promise.reject(new Error('connection refused')), {
        ...opts,
        deadlineMs: 30,
      }),
    ).rejects.toThrow(
      /^Kafka failed to start: not ready after 0 s \(last error: connection refused\) \(log: /,
    );
    expect(stop).toHaveBeenCalled();
  });

  it('stops waiting as soon as the process is gone', async () => {
    const { proc, exit } = fakeProcess();
    exit('exited with code 1');
    const probe = jest.fn(() => Promise.reject(new Error('no')));
    await expect(awaitReady(proc, probe, { ...opts, deadlineMs: 60_000 })).rejects.toThrow(
      'Kafka failed to start: exited with code 1',
    );
    expect(probe).not.toHaveBeenCalled();
  });
});
