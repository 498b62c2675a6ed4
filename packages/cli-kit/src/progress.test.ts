import { Writable } from 'node:stream';
import { progressBar } from './progress';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { out, text: () => chunks.join('') };
}

describe('progressBar', () => {
  it('prints a line per 10% when not on a terminal', () => {
    const { out, text } = sink(false);
    const bar = progressBar('records', 100, out);
    for (let i = 0; i < 100; i++) bar.tick();
    bar.finish();
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^records: 0\/100 \(0%/);
    expect(lines.at(-1)).toMatch(/^records: 100\/100 \(100%/);
  });

  it('redraws in place on a terminal and never passes the total', () => {
    const { out, text } = sink(true);
    const bar = progressBar('users', 4, out);
    bar.update(9);
    bar.finish();
    expect(text()).toContain('\rusers ');
    expect(text()).not.toMatch(/9\/4/);
    expect(text().endsWith('\n')).toBe(true);
  });
});
