import { createSerial } from './serial';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createSerial', () => {
  it('runs tasks one after another in call order', async () => {
    const serial = createSerial();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([serial(task('a')), serial(task('b'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('keeps going after a task fails', async () => {
    const serial = createSerial();
    await expect(serial(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(serial(async () => 42)).resolves.toBe(42);
  });
});
