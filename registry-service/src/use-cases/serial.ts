/**
 * Runs tasks one at a time, in call order. Composition-affecting writes go through one of
 * these: a single registry process is the design, so an in-process lock is enough.
 */
export function createSerial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export type Serial = ReturnType<typeof createSerial>;
