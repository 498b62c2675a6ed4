type Out = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * A progress bar on a terminal (redrawn in place), or a line every 10% when output is a
 * file or a CI log.
 */
export function progressBar(label: string, total: number, out: Out = process.stderr) {
  const started = Date.now();
  let done = 0;
  let lastDecile = -1;
  const render = () => {
    const ratio = total === 0 ? 1 : done / total;
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    if (out.isTTY) {
      const width = 30;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
      out.write(`\r${label} ${bar} ${done}/${total} (${rate}/s)`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      out.write(`${label}: ${done}/${total} (${Math.round(ratio * 100)}%, ${rate}/s)\n`);
    }
  };
  render();
  return {
    /** `n` more are done. */
    tick(n = 1) {
      done = Math.min(done + n, total);
      render();
    },
    /** `now` of `total` are done. */
    update(now: number) {
      done = Math.min(now, total);
      render();
    },
    finish() {
      done = total;
      render();
      if (out.isTTY) out.write('\n');
    },
  };
}

export type ProgressBar = ReturnType<typeof progressBar>;
